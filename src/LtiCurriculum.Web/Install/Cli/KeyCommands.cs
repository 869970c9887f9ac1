using System.CommandLine;
using LtiCurriculum.Web.Data.Stores;

namespace LtiCurriculum.Web.Install.Cli;

/// <summary><c>keys list|rotate|retire KID</c>: the tool's signing keys, published in its JWKS.</summary>
public static class KeyCommands
{
    public static Command Create(CliOptions o, CliContext cli)
    {
        var list = new Command("list", "Show every key: the one that signs, the next one (published ahead of use) and retired ones until they leave the JWKS.");
        list.SetAction(async (_, ct) =>
        {
            var keys = await cli.ReadyAsync<ToolKeyService>(ct);
            foreach (var key in await keys.ListAsync(ct))
            {
                var state = key.IsCurrent ? "current (signs)" : key.IsNext ? "next (published)" : key.RetiredAt is null ? "published" : $"retired {key.RetiredAt:u}, leaves the JWKS {keys.LeavesJwksAt(key):u}";
                cli.Output.WriteLine($"{key.KeyId}\tcreated {key.CreatedAt:u}\t{state}");
            }
            return ExitCodes.Done;
        });

        var rotate = new Command("rotate", "The next key starts signing, the current one is retired (still published for Keys:RetiredKeyGrace) and a new next key is made.");
        rotate.SetAction(async (_, ct) =>
        {
            if (await (await cli.ReadyAsync<ToolKeyService>(ct)).RotateAsync("cli", ct) is not { } rotation)
            {
                return cli.Refuse("Another rotation changed the keys at the same time; nothing was changed by this one. Run keys list.");
            }
            return cli.Done($"Key {rotation.CurrentKeyId} now signs. {rotation.RetiredKeyId} is retired and stays published for the grace period; {rotation.NextKeyId} is the new next key.");
        });

        var retire = new Command("retire", "Retire a key that does not sign (e.g. one that may have leaked); retiring the next key makes a new next key.") { o.KeyId };
        retire.SetAction(async (parse, ct) =>
        {
            var keyId = parse.GetValue(o.KeyId)!;
            return await (await cli.ReadyAsync<ToolKeyService>(ct)).RetireAsync(keyId, "cli", ct) switch
            {
                KeyRetirement.Retired => cli.Done($"Key {keyId} retired."),
                KeyRetirement.IsCurrent => cli.Refuse($"Key {keyId} signs now and cannot be retired; run keys rotate first."),
                KeyRetirement.AlreadyRetired => cli.Refuse($"Key {keyId} is already retired."),
                _ => cli.Refuse($"No key with id '{keyId}'."),
            };
        });

        return new Command("keys", "The tool's signing keys (its JWKS).") { list, rotate, retire };
    }
}
