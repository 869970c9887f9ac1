namespace LtiCurriculum.DevPlatform;

/// <summary>
/// The fault rules tests set, in the order they were added; at most <see cref="Capacity"/>. Thread-safe: each rule
/// hits exactly as many requests as its count says, however many arrive at once.
/// </summary>
internal sealed class FaultRules
{
    public const int Capacity = 100;

    private readonly List<FaultRule> rules = [];
    private readonly Lock gate = new();
    private int lastId;

    /// <summary>The new rule, or null when there are already <see cref="Capacity"/> rules.</summary>
    public FaultRule? Add(FaultRuleRequest request)
    {
        lock (gate)
        {
            if (rules.Count >= Capacity)
            {
                return null;
            }

            var rule = request.ToRule(++lastId);
            rules.Add(rule);
            return rule;
        }
    }

    public IReadOnlyList<FaultRule> List()
    {
        lock (gate)
        {
            return [.. rules];
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            rules.Clear();
        }
    }

    /// <summary>
    /// Spends the rules that hit a request to <paramref name="target"/>, in order: every matching delay, up to and
    /// including the first matching rule that answers the request itself.
    /// </summary>
    public IReadOnlyList<FaultRule> Fire(string target)
    {
        var fired = new List<FaultRule>();
        lock (gate)
        {
            for (var index = 0; index < rules.Count; index++)
            {
                if (!rules[index].Matches(target))
                {
                    continue;
                }

                rules[index] = rules[index].Spent();
                fired.Add(rules[index]);
                if (rules[index].EndsRequest)
                {
                    break;
                }
            }
        }

        return fired;
    }
}
