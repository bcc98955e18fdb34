namespace Pipeline.Cli;

/// <summary>Process exit codes: scripts tell "some items failed" from "the command line was wrong".</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int Usage = 2;
}
