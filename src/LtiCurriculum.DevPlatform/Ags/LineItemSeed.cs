namespace LtiCurriculum.DevPlatform;

/// <summary>
/// Twelve line items per demo course that belong to no tool link ("Quiz 1"…, other tags and resource ids), so a
/// container holds more than one default page and a tool looking for its own item has to page or filter.
/// </summary>
internal static class LineItemSeed
{
    public const int ItemsPerCourse = 12;

    public static IEnumerable<StoredLineItem> For(DemoDirectory directory)
    {
        long id = 0;
        foreach (var course in directory.Courses)
        {
            for (var number = 1; number <= ItemsPerCourse; number++)
            {
                var draft = new LineItemDraft(
                    $"Quiz {number}", 10m, ResourceId: $"seed-quiz-{number}", Tag: number % 3 == 0 ? "participation" : "quiz");
                yield return new StoredLineItem(++id, course.Id, draft, CreatedByTool: false, CoupledToLink: false);
            }
        }
    }
}
