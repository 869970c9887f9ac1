namespace LtiCurriculum.Web.Install.Cli;

/// <summary>What every admin command returns to the shell.</summary>
public static class ExitCodes
{
    public const int Done = 0;
    /// <summary>The command was understood but refused: a rule it breaks, something not found, a conflict. Nothing was written.</summary>
    public const int Refused = 1;
    /// <summary>The command line itself is wrong: unknown command or option, missing or malformed value.</summary>
    public const int Usage = 2;
    /// <summary>The configuration is invalid or the database cannot be reached (or is not migrated).</summary>
    public const int Unavailable = 3;

    public const string Description =
        "Exit codes: 0 done; 1 refused (a rule, not found or a conflict; nothing was written); 2 usage error; 3 configuration invalid or database unavailable.";
}
