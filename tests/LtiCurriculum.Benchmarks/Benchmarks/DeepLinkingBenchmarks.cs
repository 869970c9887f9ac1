using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using LtiCurriculum.Lti.DeepLinking;
using LtiCurriculum.Lti.Storage;

namespace LtiCurriculum.Benchmarks.Benchmarks;

/// <summary>
/// <see cref="DeepLinkingResponseBuilder.CreateJwt"/>: an instructor places ten modules at once, each with custom
/// parameters, a line item, availability and submission windows and an iframe. RSA-2048 RS256 signing included.
/// </summary>
[MemoryDiagnoser]
public class DeepLinkingBenchmarks
{
    private readonly DeepLinkingResponseBuilder _builder = new(TimeProvider.System);
    private ToolKey _key = null!;
    private DeepLinkingResponse _response = null!;

    [GlobalSetup]
    public void Setup()
    {
        using var rsa = RSA.Create(2048);
        _key = new ToolKey("bench-tool-key", rsa.ExportParameters(includePrivateParameters: true), DateTimeOffset.UtcNow, IsCurrent: true);
        var opens = new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.FromHours(2));
        ContentItem[] items = [.. Enumerable.Range(1, 10).Select(n => new LtiResourceLinkItem
        {
            Url = $"https://tool.example/lti/launch?module=cardio-{n:00}",
            Title = $"Cardiopulmonary sciences, module {n}",
            Text = "Flipped-classroom pre-work: read, answer the check questions, bring your questions to the seminar.",
            Custom = new Dictionary<string, string> { ["module"] = $"cardio-{n:00}", ["pack"] = "cardio", ["attempts"] = "3" },
            LineItem = new ContentItemLineItem(10m, $"Module {n} check", $"cardio-{n:00}", "pre-work", GradesReleased: true),
            Available = new TimeWindow(opens.AddDays(7 * n), opens.AddDays(7 * n + 14)),
            Submission = new TimeWindow(opens.AddDays(7 * n), opens.AddDays(7 * n + 7)),
            Iframe = new IframePresentation(1024, 768),
        })];
        _response = new DeepLinkingResponse("https://canvas.instructure.com", "10000000000042", "12:8865aa05b4b79b64a91a86042e43af5ea8ae79eb", items)
        {
            Data = "csrftoken:c7fbba78-7b75-46e3-9201-11e6d5f36f53",
            Message = "10 modules added.",
        };
    }

    [Benchmark(Description = "deep-linking response, 10 items, RS256")]
    public string CreateJwt() => _builder.CreateJwt(_response, _key);
}
