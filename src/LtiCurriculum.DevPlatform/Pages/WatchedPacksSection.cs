using System.Text;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// "Packs being watched" on the home page: the problems of the latest files (an alert region, one <c>file:line: message</c>
/// each), then each served module of the watched packs with a Launch button as a learner and as an instructor. Reload the
/// page after a save to see what the host serves now.
/// </summary>
internal static class WatchedPacksSection
{
    private const string LearnerKey = "learner-ana";
    private const string InstructorKey = "instructor-lee";

    public static void Append(StringBuilder body, WatchedPacks watched, DemoDirectory directory, PlatformUrls urls, HomeChoice choice)
    {
        var course = WatchedPacksCourse.From(watched);
        body.Append("<section id=\"watched-packs\" aria-labelledby=\"watched-packs-heading\">\n")
            .Append("<h2 id=\"watched-packs-heading\">Packs being watched</h2>\n")
            .Append("<p>The tool reloads the watched pack folder on every save; reload this page, then launch again to see the change. ")
            .Append("A pack with problems keeps its last working version served until they are fixed.</p>\n")
            .Append("<div id=\"watched-problems\" role=\"alert\">\n");
        if (watched.Problems.Count == 0)
        {
            body.Append("<p>No problems.</p>\n");
        }
        else
        {
            body.Append("<p>").Append(watched.Problems.Count == 1 ? "1 problem" : $"{watched.Problems.Count} problems").Append(":</p>\n<ul>\n");
            foreach (var problem in watched.Problems)
            {
                body.Append("<li><code>").Append(Html.Encode(problem)).Append("</code></li>\n");
            }
            body.Append("</ul>\n");
        }
        body.Append("</div>\n");
        if (course.Links.Count == 0)
        {
            body.Append("<p class=\"meta\">The watched folder serves no module yet.</p>\n</section>\n");
            return;
        }
        var users = new[] { directory.FindUser(LearnerKey)!, directory.FindUser(InstructorKey)! };
        body.Append("<ul class=\"links\">\n");
        foreach (var link in course.Links)
        {
            var headingId = $"link-{course.Id}-{link.Id}";
            body.Append("<li>\n");
            HomePage.StartForm(body, urls, headingId, course, LtiMessageTypes.ResourceLinkRequest, choice);
            HomePage.AppendHidden(body, LaunchFormFields.Link, link.Id);
            body.Append("<div><h3 id=\"").Append(Html.Encode(headingId)).Append("\">").Append(Html.Encode(link.Title)).Append("</h3>\n")
                .Append("<p class=\"meta\">Module <code>").Append(Html.Encode(link.Custom["module"])).Append("</code></p></div>\n");
            foreach (var user in users)
            {
                HomePage.AppendUserButton(body, user, user.IsStaff ? "Launch as instructor" : "Launch as learner", link.Title);
            }
            body.Append("</form>\n</li>\n");
        }
        body.Append("</ul>\n</section>\n");
    }
}
