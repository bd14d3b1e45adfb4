using KubeLab.Scenarios.Kubectl.Flags;

namespace KubeLab.Scenarios.Tests.Kubectl.Flags;

/// <summary>pflag's parsing as kubectl v1.33 uses it, with the error texts the real binary prints.</summary>
public class FlagParserTests
{
    private static FlagSet Flags() => new FlagSet()
        .String("namespace", 'n').String("output", 'o').Bool("all-namespaces", 'A').Bool("watch", 'w')
        .Slice("filename", 'f').Array("from-literal").Int("replicas", 'r', 1).Duration("since").Int32("v", 'v')
        .String("dry-run", value: "none", noOptDefault: "unchanged");

    private static FlagValues Parse(params string[] args) => FlagParser.Parse(Flags(), args);

    [TestCase("-n", "x")]
    [TestCase("-nx")]
    [TestCase("-n=x")]
    [TestCase("--namespace=x")]
    [TestCase("--namespace", "x")]
    public void A_value_can_be_written_every_way_pflag_accepts(params string[] args) =>
        Assert.That(Parse(args).String("namespace"), Is.EqualTo("x"));

    [Test]
    public void Flags_and_arguments_interleave()
    {
        var parsed = Parse("get", "-n", "a", "pods", "-o=json", "web");
        Assert.That(parsed.Positional, Is.EqualTo(new[] { "get", "pods", "web" }));
        Assert.That((parsed.String("namespace"), parsed.String("output")), Is.EqualTo(("a", "json")));
    }

    [Test]
    public void Bool_shorthands_group_and_take_explicit_values()
    {
        var parsed = Parse("-wA");
        Assert.That((parsed.Bool("watch"), parsed.Bool("all-namespaces")), Is.EqualTo((true, true)));
        Assert.That(Parse("--watch=false").Bool("watch"), Is.False);
        Assert.That(Parse("-w=0").Bool("watch"), Is.False);
    }

    [Test]
    public void A_bool_flag_does_not_take_the_next_word() =>
        Assert.That(Parse("-w", "false").Positional, Is.EqualTo(new[] { "false" }));

    [Test]
    public void Double_dash_ends_the_flags_and_is_remembered()
    {
        var parsed = Parse("web", "--", "-n", "sleep");
        Assert.That(parsed.Positional, Is.EqualTo(new[] { "web", "-n", "sleep" }));
        Assert.That(parsed.ArgsLenAtDash, Is.EqualTo(1));
        Assert.That(parsed.Changed("namespace"), Is.False);
    }

    [Test]
    public void Slices_split_csv_and_arrays_do_not()
    {
        var parsed = Parse("-f", "a.yaml,\"b,c.yaml\"", "-f", "d.yaml", "--from-literal=k=1,2", "--from-literal", "j=3");
        Assert.That(parsed.Strings("filename"), Is.EqualTo(new[] { "a.yaml", "b,c.yaml", "d.yaml" }));
        Assert.That(parsed.Strings("from-literal"), Is.EqualTo(new[] { "k=1,2", "j=3" }));
    }

    [Test]
    public void Repeated_scalar_flags_keep_the_last_value() => Assert.That(Parse("-n", "a", "-n", "b").String("namespace"), Is.EqualTo("b"));

    [Test]
    public void Defaults_and_no_option_defaults()
    {
        Assert.That(Parse().Int("replicas"), Is.EqualTo(1));
        Assert.That(Parse().String("dry-run"), Is.EqualTo("none"));
        Assert.That(Parse("--dry-run").String("dry-run"), Is.EqualTo("unchanged"));
        Assert.That(Parse("--dry-run=client").String("dry-run"), Is.EqualTo("client"));
        Assert.That(Parse("-r", "0x10").Int("replicas"), Is.EqualTo(16));
        Assert.That(Parse("--since=1h30m").Duration("since"), Is.EqualTo(TimeSpan.FromMinutes(90)));
    }

    [TestCase(new[] { "--foo" }, "unknown flag: --foo")]
    [TestCase(new[] { "--foo=bar" }, "unknown flag: --foo")]
    [TestCase(new[] { "-x" }, "unknown shorthand flag: 'x' in -x")]
    [TestCase(new[] { "-Ax" }, "unknown shorthand flag: 'x' in -x")]
    [TestCase(new[] { "-n" }, "flag needs an argument: 'n' in -n")]
    [TestCase(new[] { "--namespace" }, "flag needs an argument: --namespace")]
    [TestCase(new[] { "---x" }, "bad flag syntax: ---x")]
    [TestCase(new[] { "-r", "abc" }, "invalid argument \"abc\" for \"-r, --replicas\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax")]
    [TestCase(new[] { "--watch=maybe" }, "invalid argument \"maybe\" for \"-w, --watch\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax")]
    [TestCase(new[] { "--since=5" }, "invalid argument \"5\" for \"--since\" flag: time: missing unit in duration \"5\"")]
    [TestCase(new[] { "--since=5d" }, "invalid argument \"5d\" for \"--since\" flag: time: unknown unit \"d\" in duration \"5d\"")]
    [TestCase(new[] { "-v", "abc" }, "invalid argument \"abc\" for \"-v, --v\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax")]
    [TestCase(new[] { "-v", "99999999999" }, "invalid argument \"99999999999\" for \"-v, --v\" flag: strconv.ParseInt: parsing \"99999999999\": value out of range")]
    public void Errors_read_as_pflag_writes_them(string[] args, string message) =>
        Assert.That(() => Parse(args), Throws.TypeOf<FlagException>().With.Message.EqualTo(message));
}
