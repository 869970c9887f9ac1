namespace LtiCurriculum.Curriculum.Readiness;

/// <summary>
/// The readiness dashboard's numbers, a pure function of the module, the roster and the clock. Learner states, scores and
/// time spent follow <see cref="LearnerStanding"/>: no attempt is not started; an open attempt with no submission is in
/// progress; otherwise the latest submitted attempt decides (late when submitted after the due date), even if a newer
/// attempt is open, and its score is the learner's score. Time spent sums (submitted at, else last saved) − started at over
/// all attempts, never negative. Question statistics (see <see cref="QuestionStatistics"/>) take each learner's latest
/// submitted attempt, else their open attempt; unanswered questions are left out of every denominator. Inactive learners
/// are listed in the rows but left out of the class counts and the question statistics. Ready means submitted or late.
/// The countdown is the session date minus now while the session is in the future, else null.
/// One pass over the learners, with a tally per question found by question id: 500 learners × 20 questions take well under
/// a millisecond.
/// </summary>
public static class ReadinessStatistics
{
    public static ReadinessReport Compute(ReadinessInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var questions = input.Module.Questions;
        var tallies = new Dictionary<string, QuestionTally>(questions.Count, StringComparer.Ordinal);
        var ordered = new List<QuestionTally>(questions.Count);
        foreach (var question in questions)
        {
            if (QuestionTally.For(question) is { } tally && tallies.TryAdd(question.Id, tally)) ordered.Add(tally);
        }

        var learners = input.Learners.ToArray();
        Array.Sort(learners, ByName);
        var rows = new LearnerRow[learners.Length];
        Span<int> states = stackalloc int[4];
        var active = 0;
        for (var i = 0; i < learners.Length; i++)
        {
            var learner = learners[i];
            var standing = LearnerStanding.Of(learner, input.DueAt);
            var graded = standing.Graded;
            rows[i] = new LearnerRow(
                learner.Key, learner.Name, learner.Active, standing.State,
                graded?.ScoreGiven, graded?.ScoreMaximum, standing.TimeSpent, learner.Attempts.Count,
                graded is null ? null : LearnerStanding.SubmittedAt(graded));
            if (!learner.Active) continue;
            active++;
            states[(int)standing.State]++;
            if (standing.AnswerSource is not { } source) continue;
            if (source.Answers is Dictionary<string, string> answers) Tally(answers, tallies, learner); // no enumerator boxing
            else Tally(source.Answers, tallies, learner);
        }

        var statistics = new QuestionStatistics[ordered.Count];
        for (var i = 0; i < statistics.Length; i++) statistics[i] = ordered[i].Build();
        var readiness = new ClassReadiness(active,
            states[(int)ReadinessState.NotStarted], states[(int)ReadinessState.InProgress],
            states[(int)ReadinessState.Submitted], states[(int)ReadinessState.Late]);
        TimeSpan? untilSession = input.SessionAt is { } session && session > input.Now ? session - input.Now : null;
        return new ReadinessReport(rows, readiness, statistics, untilSession);
    }

    private static void Tally(Dictionary<string, string> answers, Dictionary<string, QuestionTally> tallies, RosterLearner learner)
    {
        foreach (var (questionId, answer) in answers)
        {
            if (!string.IsNullOrEmpty(answer) && tallies.TryGetValue(questionId, out var tally)) tally.Add(answer, learner);
        }
    }

    private static void Tally(IReadOnlyDictionary<string, string> answers, Dictionary<string, QuestionTally> tallies, RosterLearner learner)
    {
        foreach (var (questionId, answer) in answers)
        {
            if (!string.IsNullOrEmpty(answer) && tallies.TryGetValue(questionId, out var tally)) tally.Add(answer, learner);
        }
    }

    /// <summary>Rows by name (ordinal, ignoring case), then by key so equal names keep one order.</summary>
    private static int ByName(RosterLearner a, RosterLearner b)
    {
        var byName = string.Compare(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);
        return byName != 0 ? byName : string.CompareOrdinal(a.Key, b.Key);
    }
}
