using LtiCurriculum.Lti.Ags;

namespace LtiCurriculum.Lti.Tests.Ags;

/// <summary>Service URLs built from the platform's, keeping its query string (notes 1C-56; Moodle ?type_id=N).</summary>
public sealed class AgsUrlsTests
{
    [Theory]
    [InlineData("https://moodle.example/mod/lti/services.php/7/lineitems/31/lineitem?type_id=3", "https://moodle.example/mod/lti/services.php/7/lineitems/31/lineitem/scores?type_id=3")]
    [InlineData("https://lms.example/api/lti/courses/7/line_items/31", "https://lms.example/api/lti/courses/7/line_items/31/scores")]
    [InlineData("https://lms.example/api/lti/courses/7/line_items/31/", "https://lms.example/api/lti/courses/7/line_items/31/scores")]
    [InlineData("https://lms.example/li/31/?a=1&b=2", "https://lms.example/li/31/scores?a=1&b=2")]
    [InlineData("https://lms.example/li/31#frag", "https://lms.example/li/31/scores#frag")]
    [InlineData("https://lms.example/li/31?x=a/b", "https://lms.example/li/31/scores?x=a/b")]
    public void Query_string_is_kept_after_scores(string lineItem, string expected) =>
        Assert.Equal(expected, AgsUrls.Append(lineItem, "scores"));

    [Fact]
    public void Segment_slashes_do_not_double() =>
        Assert.Equal("https://lms.example/li/31/results", AgsUrls.Append("https://lms.example/li/31/", "/results"));

    [Theory]
    [InlineData("https://lms.example/li", "https://lms.example/li?limit=100")]
    [InlineData("https://lms.example/li?type_id=3", "https://lms.example/li?type_id=3&limit=100")]
    [InlineData("https://lms.example/li?", "https://lms.example/li?limit=100")]
    [InlineData("https://lms.example/li?a=1&", "https://lms.example/li?a=1&limit=100")]
    [InlineData("https://lms.example/li#top", "https://lms.example/li?limit=100#top")]
    public void Query_parameter_is_added_keeping_the_others(string url, string expected) =>
        Assert.Equal(expected, AgsUrls.WithQuery(url, "limit", "100"));

    [Fact]
    public void Query_values_are_url_encoded() =>
        Assert.Equal("https://lms.example/li?type_id=3&tag=a%26b%3Dc%20d%2F%C3%A9", AgsUrls.WithQuery("https://lms.example/li?type_id=3", "tag", "a&b=c d/é"));
}
