using System.Diagnostics;
using System.Reflection;
using LtiCurriculum.Curriculum.Model;
using LtiCurriculum.Curriculum.Readiness;
using LtiCurriculum.Curriculum.Tests.Scoring;
using static LtiCurriculum.Curriculum.Tests.Readiness.Roster;

namespace LtiCurriculum.Curriculum.Tests.Readiness;

public sealed class ReadinessSpeedTests(ITestOutputHelper output)
{
    /// <summary>Optimized builds: 1 ms. Debug builds run unoptimized code, about three times slower.</summary>
    private static readonly TimeSpan Limit =
        typeof(ReadinessStatistics).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true
            ? TimeSpan.FromMilliseconds(3)
            : TimeSpan.FromMilliseconds(1);

    [Fact]
    public void Five_hundred_learners_by_twenty_questions_compute_in_under_a_millisecond_when_optimized()
    {
        var questions = Enumerable.Range(0, 20).Select(i => (i % 4) switch
        {
            0 => (Question)Questions.Reflection($"r{i}"),
            1 => Questions.Rating($"s{i}"),
            2 => Questions.Choice($"m{i}", 3m, options: 5, correct: 2, multiple: true, partial: true),
            _ => Questions.Choice($"c{i}", 1m, options: 4, correct: 1, multiple: false),
        }).ToArray();
        var module = Questions.Module(questions);
        var learners = Enumerable.Range(0, 500).Select(n => new RosterLearner($"k{n}", $"Learner {n * 7919 % 500}", n % 50 != 0,
            n % 10 == 0 ? [] : [Done(1, 0, 30 + n % 60, 5m, [.. questions.Select(q => (q.Id, Answer(q, n)))]), Open(2, 100, 120)])).ToArray();
        var input = new ReadinessInput(module, learners, At(60), At(2000), At(120));

        // The fastest of many runs: a busy machine slows some runs, never all of them.
        var best = TimeSpan.MaxValue;
        for (var run = 0; run < 200; run++)
        {
            var clock = Stopwatch.StartNew();
            ReadinessStatistics.Compute(input);
            best = clock.Elapsed < best ? clock.Elapsed : best;
        }

        output.WriteLine($"fastest of 200: {best.TotalMicroseconds:0} µs");
        Assert.Equal(450, ReadinessStatistics.Compute(input).Class.Ready);
        Assert.True(best < Limit, $"fastest run took {best.TotalMicroseconds:0} µs, more than {Limit.TotalMilliseconds} ms");
    }

    private static string Answer(Question question, int learner) => question switch
    {
        ReflectionQuestion => $"Reflection by learner {learner}",
        RatingQuestion => (learner % 4 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ChoiceQuestion { AllowsMultiple: true } => learner % 3 == 0 ? "a,b" : "a,c",
        _ => ((char)('a' + learner % 4)).ToString(),
    };
}
