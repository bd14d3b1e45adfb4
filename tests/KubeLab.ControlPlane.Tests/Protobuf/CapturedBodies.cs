namespace KubeLab.ControlPlane.Tests.Protobuf;

/// <summary>
/// Request bodies captured from real kubectl v1.33.9 (linux/amd64, default namespace <c>default</c>)
/// by a logging fake API server on 127.0.0.1. Each was sent with
/// <c>Content-Type: application/vnd.kubernetes.protobuf</c>. <c>bin.dat</c> holds the bytes 00 01 02 ff fe.
/// </summary>
internal static class CapturedBodies
{
    /// <summary><c>kubectl create namespace rodrigo</c> → POST /api/v1/namespaces</summary>
    public const string CreateNamespace = """
        6b3873000a0f0a02763112094e616d657370616365121f0a170a07726f647269676f12001a0022002a00320038004200
        12001a020a001a002200
        """;

    /// <summary><c>kubectl create deployment web --image=nginx</c> → POST /apis/apps/v1/namespaces/default/deployments</summary>
    public const string CreateDeployment = """
        6b3873000a150a07617070732f7631120a4465706c6f796d656e7412ab010a1f0a0377656212001a0022002a00320038
        0042005a0a0a036170701203776562127a0801120c0a0a0a0361707012037765621a600a1c0a0012001a0022002a0032
        00380042005a0a0a036170701203776562124012220a056e67696e7812056e67696e782a0042006a0072008001008801
        00900100a201001a00320042004a0052005800600068008201008a01009a0100c2010022020a00280038001a0c080010
        0018002000280038001a002200
        """;

    /// <summary><c>kubectl create configmap cfg --from-literal=a=1 --from-literal=empty=</c> → POST /api/v1/namespaces/default/configmaps</summary>
    public const string CreateConfigMap = """
        6b3873000a0f0a0276311209436f6e6669674d617012280a130a0363666712001a0022002a0032003800420012060a01
        6112013112090a05656d70747912001a002200
        """;

    /// <summary><c>kubectl create secret generic sec --from-literal=user=admin --from-file=bin=bin.dat</c> → POST /api/v1/namespaces/default/secrets</summary>
    public const string CreateSecretGeneric = """
        6b3873000a0c0a027631120653656372657412340a130a0373656312001a0022002a00320038004200120c0a0362696e
        1205000102fffe120d0a0475736572120561646d696e1a001a002200
        """;

    /// <summary><c>kubectl create serviceaccount bot</c> → POST /api/v1/namespaces/default/serviceaccounts</summary>
    public const string CreateServiceAccount = """
        6b3873000a140a027631120e536572766963654163636f756e7412150a130a03626f7412001a0022002a003200380042
        001a002200
        """;

    /// <summary><c>kubectl create service clusterip svc --tcp=80:8080</c> → POST /api/v1/namespaces/default/services</summary>
    public const string CreateServiceClusterIp = """
        6b3873000a0d0a02763112075365727669636512690a1f0a0373766312001a0022002a003200380042005a0a0a036170
        70120373766312420a1b0a0738302d38303830120354435018502207080010903f1a002800120a0a0361707012037376
        631a002209436c757374657249503a00420052005a00600068001a020a001a002200
        """;

    /// <summary><c>kubectl create token bot</c> → POST /api/v1/namespaces/default/serviceaccounts/bot/token</summary>
    public const string CreateToken = """
        6b3873000a280a1861757468656e7469636174696f6e2e6b38732e696f2f7631120c546f6b656e52657175657374121a
        0a100a0012001a0022002a0032003800420012001a040a0012001a002200
        """;

    /// <summary><c>kubectl auth can-i list pods</c> → POST /apis/authorization.k8s.io/v1/selfsubjectaccessreviews</summary>
    public const string AuthCanI = """
        6b3873000a320a17617574686f72697a6174696f6e2e6b38732e696f2f7631121753656c665375626a65637441636365
        7373526576696577123d0a100a0012001a0022002a00320038004200121f0a1d0a0764656661756c7412046c6973741a
        0022002a04706f647332003a001a08080012001a0020001a002200
        """;

    /// <summary><c>kubectl create role pod-reader --verb=get,list --resource=pods</c> → POST /apis/rbac.authorization.k8s.io/v1/namespaces/default/roles</summary>
    public const string CreateRole = """
        6b3873000a240a1c726261632e617574686f72697a6174696f6e2e6b38732e696f2f76311204526f6c6512310a1a0a0a
        706f642d72656164657212001a0022002a0032003800420012130a036765740a046c69737412001a04706f64731a0022
        00
        """;

    /// <summary><c>kubectl create rolebinding rb --role=pod-reader --serviceaccount=default:bot</c> → POST /apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings</summary>
    public const string CreateRoleBinding = """
        6b3873000a2b0a1c726261632e617574686f72697a6174696f6e2e6b38732e696f2f7631120b526f6c6542696e64696e
        6712650a120a02726212001a0022002a0032003800420012200a0e536572766963654163636f756e7412001a03626f74
        220764656661756c741a2d0a19726261632e617574686f72697a6174696f6e2e6b38732e696f1204526f6c651a0a706f
        642d7265616465721a002200
        """;

    /// <summary><c>kubectl create clusterrolebinding crb --clusterrole=cr --user=alice</c> → POST /apis/rbac.authorization.k8s.io/v1/clusterrolebindings</summary>
    public const string CreateClusterRoleBinding = """
        6b3873000a320a1c726261632e617574686f72697a6174696f6e2e6b38732e696f2f76311212436c7573746572526f6c
        6542696e64696e67126f0a130a0363726212001a0022002a00320038004200122a0a04557365721219726261632e6175
        74686f72697a6174696f6e2e6b38732e696f1a05616c69636522001a2c0a19726261632e617574686f72697a6174696f
        6e2e6b38732e696f120b436c7573746572526f6c651a0263721a002200
        """;

    /// <summary><c>kubectl create clusterrole cr --verb=get --resource=pods</c> → POST /apis/rbac.authorization.k8s.io/v1/clusterroles</summary>
    public const string CreateClusterRole = """
        6b3873000a2b0a1c726261632e617574686f72697a6174696f6e2e6b38732e696f2f7631120b436c7573746572526f6c
        6512230a120a02637212001a0022002a00320038004200120d0a0367657412001a04706f64731a002200
        """;

    /// <summary><c>kubectl create deployment multi --image=nginx --image=busybox --replicas=3 --port=8080</c> → POST /apis/apps/v1/namespaces/default/deployments</summary>
    public const string CreateDeploymentMulti = """
        6b3873000a150a07617070732f7631120a4465706c6f796d656e7412ea010a230a056d756c746912001a0022002a0032
        00380042005a0c0a0361707012056d756c746912b4010803120e0a0c0a0361707012056d756c74691a97010a1e0a0012
        001a0022002a003200380042005a0c0a0361707012056d756c74691275122f0a056e67696e7812056e67696e782a0032
        0b0a00100018903f22002a0042006a007200800100880100900100a2010012260a0762757379626f7812076275737962
        6f782a0042006a007200800100880100900100a201001a00320042004a0052005800600068008201008a01009a0100c2
        010022020a00280038001a0c0800100018002000280038001a002200
        """;

    /// <summary><c>kubectl create deployment cmd --image=busybox -- sleep 10</c> → POST /apis/apps/v1/namespaces/default/deployments</summary>
    public const string CreateDeploymentCommand = """
        6b3873000a150a07617070732f7631120a4465706c6f796d656e7412bb010a1f0a03636d6412001a0022002a00320038
        0042005a0a0a036170701203636d641289010801120c0a0a0a036170701203636d641a6f0a1c0a0012001a0022002a00
        3200380042005a0a0a036170701203636d64124f12310a0762757379626f78120762757379626f781a05736c6565701a
        0231302a0042006a007200800100880100900100a201001a00320042004a0052005800600068008201008a01009a0100
        c2010022020a00280038001a0c0800100018002000280038001a002200
        """;

    /// <summary><c>kubectl create service nodeport np --tcp=80:8080 --node-port=30080</c> → POST /api/v1/namespaces/default/services</summary>
    public const string CreateServiceNodePort = """
        6b3873000a0d0a02763112075365727669636512670a1d0a026e7012001a0022002a003200380042005a090a03617070
        12026e7012420a1d0a0738302d38303830120354435018502207080010903f1a002880eb0112090a0361707012026e70
        1a0022084e6f6465506f72743a00420052005a00600068001a020a001a002200
        """;

    /// <summary><c>kubectl create secret generic empty</c> → POST /api/v1/namespaces/default/secrets</summary>
    public const string CreateSecretGenericEmpty = """
        6b3873000a0c0a027631120653656372657412190a150a05656d70747912001a0022002a003200380042001a001a0022
        00
        """;

    /// <summary><c>kubectl create configmap bin --from-file=bin=bin.dat</c> → POST /api/v1/namespaces/default/configmaps</summary>
    public const string CreateConfigMapBinary = """
        6b3873000a0f0a0276311209436f6e6669674d617012230a130a0362696e12001a0022002a003200380042001a0c0a03
        62696e1205000102fffe1a002200
        """;

    public static byte[] Bytes(string hex) => Convert.FromHexString(string.Concat(hex.Where(c => !char.IsWhiteSpace(c))));
}
