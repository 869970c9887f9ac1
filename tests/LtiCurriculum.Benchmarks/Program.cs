using BenchmarkDotNet.Running;
using LtiCurriculum.Benchmarks.Dashboard;
using LtiCurriculum.Benchmarks.Drain;
using LtiCurriculum.Benchmarks.Instances;
using LtiCurriculum.Benchmarks.Load;

// `bench [filter] [BenchmarkDotNet options]` runs the micro benchmarks; `load [options]` drives a real tool process;
// `drain [options]` measures grade delivery between two real tool processes; `dashboard [options]` renders the
// class readiness page of a 500-student course.
// See README.md beside this file.
return args.FirstOrDefault() switch
{
    "bench" => RunBenchmarks(args[1..]),
    "load" => await LoadCommand.RunAsync(args[1..]),
    "learn" => await LoadCommand.RunAsync(args[1..], learn: true),
    "drain" => await DrainCommand.RunAsync(args[1..]),
    "dashboard" => await DashboardCommand.RunAsync(args[1..]),
    "instances" => await InstancesCommand.RunAsync(args[1..]),
    _ => Usage(),
};

static int RunBenchmarks(string[] args)
{
    // A bare word is a filter (`bench Login` runs *Login*); no filter runs everything instead of asking.
    var filter = args.Length > 0 && !args[0].StartsWith('-') ? $"*{args[0]}*" : "*";
    var rest = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;
    var hasFilter = rest.Contains("--filter") || rest.Contains("-f");
    string[] bdnArgs = hasFilter ? rest : ["--filter", filter, .. rest];
    if (!bdnArgs.Contains("--artifacts"))
    {
        // Results beside this project (bin/Release/net10.0/ is three levels below it), not in the caller's folder.
        bdnArgs = [.. bdnArgs, "--artifacts", Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "BenchmarkDotNet.Artifacts"))];
    }
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(bdnArgs);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("""
        Usage:
          dotnet run -c Release --project tests/LtiCurriculum.Benchmarks -- bench [filter] [BenchmarkDotNet options]
          dotnet run -c Release --project tests/LtiCurriculum.Benchmarks -- load [--concurrency 32] [--duration 20] [--warmup 20] [--users 200]
                [--new-users] [--courses 4] [--links 8] [--max-flows 2000000] [--tool-env NAME=VALUE]... [--tool-url URL --tool-pid PID --platform-port PORT]
          dotnet run -c Release --project tests/LtiCurriculum.Benchmarks -- learn [--mix both|page|save] [same options as load]
          dotnet run -c Release --project tests/LtiCurriculum.Benchmarks -- drain [--scores 100000] [--learners 20000] [--concurrency 16] [--batch 128]
                [--timeout 600] [--tool-env NAME=VALUE]...
          dotnet run -c Release --project tests/LtiCurriculum.Benchmarks -- dashboard [--concurrency 8] [--duration 20] [--warmup 20] [--students 500]
                [--max-renders 1000000] [--tool-env NAME=VALUE]...
          dotnet run -c Release --project tests/LtiCurriculum.Benchmarks -- instances [--concurrency 64,32] [--duration 60] [--warmup 20] [--users 200]
                [--replay-every 10] [--pool-size 40] [--postgres CONNECTION] [--max-flows 2000000] [--tool-env NAME=VALUE]...
        """);
    return 2;
}
