using System.Runtime.InteropServices;

namespace LtiCurriculum.Benchmarks.Processes;

/// <summary>
/// Runs a command so that the first Ctrl+C (SIGINT) or SIGTERM cancels its token and lets it clean up (kill its
/// children, delete or drop what it made); a second one ends the process at once.
/// </summary>
internal static class Interrupts
{
    public const int CancelledExitCode = 130;

    public static async Task<int> RunAsync(Func<CancellationToken, Task<int>> command)
    {
        using var cancel = new CancellationTokenSource();
        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = !cancel.IsCancellationRequested;
            cancel.Cancel();
        }
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        try
        {
            return await command(cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Console.Error.WriteLine("Cancelled.");
            return CancelledExitCode;
        }
    }
}
