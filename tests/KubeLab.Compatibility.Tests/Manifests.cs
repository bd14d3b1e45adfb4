namespace KubeLab.Compatibility.Tests;

/// <summary>Small manifests as a learner would write them (no namespace: -n decides).</summary>
public static class Manifests
{
    public static string Pod(string name, string image = "nginx", string labels = "app: web") => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {name}
          labels:
            {labels}
        spec:
          containers:
          - name: nginx
            image: {image}
        """;
}
