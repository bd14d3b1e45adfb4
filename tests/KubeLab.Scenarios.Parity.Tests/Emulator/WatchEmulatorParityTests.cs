namespace KubeLab.Scenarios.Parity.Tests.Emulator;

/// <summary><c>kubectl get -w</c> left running while objects change, then stopped with Ctrl-C.</summary>
public class WatchEmulatorParityTests : EmulatorParityFixture
{
    private int counter;

    [OneTimeSetUp]
    public async Task CreateWorldAsync() =>
        await SendBothAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps",
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"first"},"data":{"a":"1"}}""");

    [TestCase("get", "cm", "-w")]
    [TestCase("get", "configmaps", "--watch", "--output-watch-events")]
    [TestCase("get", "cm", "first", "-w")]
    [TestCase("get", "cm", "-w", "-o", "name")]
    [TestCase("get", "cm", "-A", "-w")]
    public async Task Events_print_as_they_come(params string[] args)
    {
        var name = $"added-{++counter}";
        var cache = Twins.NewCacheDirectory();
        var realMark = Twins.Real.Mark();
        var real = BackgroundRun.StartReal(Twins, cache, args);
        await WaitForWatchAsync(Twins.Real);
        var emulatedMark = Twins.Emulated.Mark();
        var emulated = BackgroundRun.StartEmulated(Twins.NewEnvironment(), args);
        await WaitForWatchAsync(Twins.Emulated);

        await SendBothAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps",
            $$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"{{{name}}}"}}""");
        await SendBothAsync(HttpMethod.Patch, "/api/v1/namespaces/default/configmaps/first", """{"data":{"b":"2"}}""", "application/merge-patch+json");
        await SendBothAsync(HttpMethod.Delete, $"/api/v1/namespaces/default/configmaps/{name}");
        var expectDelete = args.Contains("first") ? "first" : name;
        await real.WaitForOutputAsync(args.Contains("first") ? "first" : name);
        await Task.Delay(300);
        await emulated.WaitForOutputAsync(expectDelete);
        await Task.Delay(300);

        var comparison = new Comparison(await real.StopAsync(), await emulated.StopAsync(),
            (await Twins.Real.ExchangesSince(realMark)).Select(RequestView.Of).ToList(),
            (await Twins.Emulated.ExchangesSince(emulatedMark)).Select(RequestView.Of).ToList());
        AssertSame(comparison);
    }

    private static async Task WaitForWatchAsync(Twin twin)
    {
        for (var i = 0; i < 500; i++)
        {
            if (twin.Cluster.Api.Exchanges.Snapshot().Any(e => e.Target.Contains("watch=true") && e.Completed is null)) return;
            await Task.Delay(20);
        }
        Assert.Fail("the watch did not start");
    }
}
