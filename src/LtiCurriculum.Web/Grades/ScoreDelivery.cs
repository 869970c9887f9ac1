using LtiCurriculum.Lti.Ags;

namespace LtiCurriculum.Web.Grades;

/// <summary>Delivers one leased score: its line item, then the score POST; every failure becomes a <see cref="DeliveryResult"/>.</summary>
public sealed class ScoreDelivery(AgsClient ags, LineItemResolver lineItems)
{
    private static readonly TimeSpan LineItemBusyWait = TimeSpan.FromSeconds(1);

    public async Task<DeliveryResult> DeliverAsync(LeasedDelivery delivery, AgsPlatform platform, CancellationToken cancellationToken)
    {
        using var span = GradeTelemetry.StartDelivery(delivery.Id, platform.PlatformId);
        var result = await TryDeliverAsync(delivery, platform, cancellationToken);
        GradeTelemetry.Finish(span, result);
        return result;
    }

    private async Task<DeliveryResult> TryDeliverAsync(LeasedDelivery delivery, AgsPlatform platform, CancellationToken cancellationToken)
    {
        var access = new AgsAccess(platform, GradeOutbox.ScopesOf(delivery.AgsScopes));
        string? lineItemUrl = null;
        try
        {
            lineItemUrl = await lineItems.ResolveAsync(delivery, access, cancellationToken);
            await ags.PostScoreAsync(access, lineItemUrl, ScorePlan.For(delivery), cancellationToken);
            return DeliveryResult.Done;
        }
        catch (AgsException gone) when (gone.StatusCode == 404 && lineItemUrl is not null && lineItemUrl != delivery.LineItemUrl)
        {
            await lineItems.ForgetAsync(delivery, lineItemUrl, cancellationToken);
            return new DeliveryResult(DeliveryVerdict.Retry, 404, "The gradebook column this tool created is gone; the next try finds or creates it again.");
        }
        catch (LineItemBusyException)
        {
            return new DeliveryResult(DeliveryVerdict.Later, RetryAfter: LineItemBusyWait);
        }
        catch (AgsException failure)
        {
            return DeliveryOutcomes.Classify(failure, delivery);
        }
        catch (ArgumentException invalid)
        {
            // The AGS client refuses a score or line item the spec forbids (no maximum, negative points) before sending it.
            return new DeliveryResult(DeliveryVerdict.NeedsAttention, Error: "The tool cannot send this score: " + invalid.Message);
        }
    }
}
