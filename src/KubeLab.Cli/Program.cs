Console.WriteLine("kubelab");
