namespace LtiCurriculum.DevPlatform;

internal static class AgsMediaTypes
{
    public const string LineItem = "application/vnd.ims.lis.v2.lineitem+json";
    public const string LineItemContainer = "application/vnd.ims.lis.v2.lineitemcontainer+json";
    public const string Score = "application/vnd.ims.lis.v1.score+json";
    public const string ResultContainer = "application/vnd.ims.lis.v2.resultcontainer+json";
}
