using System.Text.Json;

namespace LtiCurriculum.Benchmarks.Drain;

/// <summary>
/// The development platform's running totals from GET {issuer}/gradebook.json (counters since start), and how many
/// line items the seeded link has there. A counter the platform does not report is null.
/// </summary>
internal sealed record PlatformCounters(
    long? TokenRequests, long? TokensIssued, long? ScoresAccepted, long? ScoresRejected, long? Replays,
    long? LineItemsCreated, long? DuplicateLineItemsCreated, int? LinkLineItems)
{
    /// <summary>
    /// The snapshot filtered to a user that does not exist, so it carries the counters and the line items but not
    /// tens of thousands of results.
    /// </summary>
    public static async Task<(PlatformCounters? Counters, string? Problem)> ReadAsync(HttpClient http, string issuer, CancellationToken cancellationToken)
    {
        var url = new Uri($"{issuer}/gradebook.json?userId=drain-benchmark-nobody");
        try
        {
            using var response = await http.GetAsync(url, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return (null, $"GET {url} answered {(int)response.StatusCode}");
            }
            using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
            var root = json.RootElement;
            var counters = root.TryGetProperty("counters", out var c) ? c : default;
            long? Counter(string name) =>
                counters.ValueKind == JsonValueKind.Object && counters.TryGetProperty(name, out var value) && value.TryGetInt64(out var n) ? n : null;
            // The course also holds the platform's seed items ("Quiz 1"…), which belong to no link.
            int? lineItems = root.TryGetProperty("lineItems", out var items) && items.ValueKind == JsonValueKind.Array
                ? items.EnumerateArray().Count(item => item.TryGetProperty("resourceLinkId", out var link) && link.ValueKind == JsonValueKind.String
                    && link.GetString() == DrainSeed.ResourceLinkId)
                : null;
            return (new PlatformCounters(
                Counter("tokenRequests"), Counter("tokensIssued"), Counter("scoresAccepted"), Counter("scoresRejected"), Counter("replays"),
                Counter("lineItemsCreated"), Counter("duplicateLineItemsCreated"), lineItems), null);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (null, $"GET {url} failed: {ex.Message}");
        }
    }
}
