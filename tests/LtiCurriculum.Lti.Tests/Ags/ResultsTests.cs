using LtiCurriculum.Lti.Ags;

namespace LtiCurriculum.Lti.Tests.Ags;

/// <summary>Result container reads (AGS 2.0 §3.3; notes 1C-58).</summary>
public sealed class ResultsTests : IDisposable
{
    private const string ResultsUrl = AgsTestHost.LineItemUrl + "/results?limit=100";
    private readonly AgsTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private Task<IReadOnlyList<AgsResult>> ResultsAsync(string? userId = null, string lineItemUrl = AgsTestHost.LineItemUrl) =>
        _host.Client.GetResultsAsync(AgsTestHost.Access(), lineItemUrl, userId, _host.Cancellation);

    [Fact]
    public async Task Results_are_read_with_the_result_container_media_type()
    {
        _host.Lms.Get(ResultsUrl, _ => Respond.Json("""
            [{"id":"https://lms.example/r/1","scoreOf":"x","userId":"u1","resultScore":7.5,"resultMaximum":"10","comment":"ok","timestamp":"2026-03-02T10:00:00Z"},
             {"id":"https://lms.example/r/2","userId":"u2"}]
            """, mediaType: AgsMediaTypes.ResultContainer));

        var results = await ResultsAsync();

        Assert.Equal([new AgsResult("https://lms.example/r/1", "u1", 7.5m, 10m, "ok"), new AgsResult("https://lms.example/r/2", "u2", null, null, null)], results);
        var sent = Assert.Single(_host.Lms.To(ResultsUrl));
        Assert.Equal("application/vnd.ims.lis.v2.resultcontainer+json", sent.Accept);
        Assert.Equal("Bearer access-1", sent.Authorization);
    }

    [Fact]
    public async Task Rows_without_a_user_are_skipped()
    {
        _host.Lms.Get(ResultsUrl, _ => Respond.Json("""[{"id":"a","resultScore":1},{"id":"b","userId":""},null,{"id":"c","userId":"u3","resultScore":2}]"""));

        Assert.Equal("u3", Assert.Single(await ResultsAsync()).UserId);
    }

    [Fact]
    public async Task Numeric_user_ids_are_read_as_text()
    {
        _host.Lms.Get(ResultsUrl, _ => Respond.Json("""[{"id":"a","userId":42,"resultScore":"3.5"}]"""));

        var result = Assert.Single(await ResultsAsync());

        Assert.Equal("42", result.UserId);
        Assert.Equal(3.5m, result.ResultScore);
    }

    [Fact]
    public async Task One_user_is_asked_with_the_user_filter_keeping_the_query_string()
    {
        const string lineItem = "https://moodle.example/mod/lti/services.php/7/lineitems/31/lineitem?type_id=3";
        const string expected = "https://moodle.example/mod/lti/services.php/7/lineitems/31/lineitem/results?type_id=3&user_id=a%2Bb%40x&limit=100";
        _host.Lms.Get(expected, _ => Respond.Json("""[{"userId":"a+b@x","resultScore":1}]"""));

        var results = await ResultsAsync("a+b@x", lineItem);

        Assert.Equal("a+b@x", Assert.Single(results).UserId);
    }

    [Fact]
    public async Task Without_the_result_scope_nothing_is_sent()
    {
        var access = AgsTestHost.Access(AgsTestHost.ScoreScope, AgsTestHost.LineItemScope);

        await AgsAssert.FailsAsync(() => _host.Client.GetResultsAsync(access, AgsTestHost.LineItemUrl, null, _host.Cancellation), transient: false, status: null);

        Assert.Empty(_host.Lms.Requests);
    }
}
