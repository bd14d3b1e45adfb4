using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project tests/KubeLab.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
