using KubeLab.Scenarios.Kubectl.Config;
using KubeLab.Scenarios.Kubectl.Flags;
using KubeLab.Scenarios.Kubectl.Output;

namespace KubeLab.Scenarios.Kubectl.Commands.Config;

/// <summary>
/// <c>kubectl config set-credentials NAME --token=…</c>: adds the user, or sets the token of the one of that name and
/// keeps the rest of it (kubectl merges the new fields on top). Only bearer tokens: the lesson's kubeconfig has no
/// other kind a learner could type.
/// </summary>
internal sealed class SetCredentials : CommandDefinition
{
    public override string Name => "set-credentials";

    public override void AddFlags(FlagSet flags) => flags.String("token");

    public override Task<int> RunAsync(Invocation invocation)
    {
        // kubectl also prints the command's help on stdout before this error; the emulator gives only the error.
        if (invocation.Args.Count != 1)
            throw KubectlException.Client($"unexpected args: [{string.Join(' ', invocation.Args)}]");
        var name = invocation.Args[0];
        var document = invocation.Loader.Document();
        var user = document.User(name) ?? new KubeconfigCredentials(name);
        if (invocation.Flags.Changed("token"))
        {
            var token = invocation.Flags.String("token");
            // An empty --token= clears it; a token replaces basic credentials, as kubectl clears the other auth type.
            user = token.Length == 0 ? user with { Token = null } : user with { Token = token, Username = null, Password = null };
        }
        var users = document.Users.Where(u => u.Name != name).Append(user).ToList();
        ConfigCommand.Save(invocation, document with { Users = users });
        invocation.Out($"User {GoValue.Quote(name)} set.\n");
        return Task.FromResult(0);
    }
}
