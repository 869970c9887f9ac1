using System.IO.Compression;
using System.Net;
using System.Text;
using LtiCurriculum.Web.Tests.Support;

namespace LtiCurriculum.Web.Tests.Packs;

/// <summary>An administrator on the content packs page, and pack zips built in memory.</summary>
internal sealed class PackAdmin(LearnerSession session)
{
    public const string User = "admin";

    public LearnerSession Session { get; } = session;

    /// <summary>Launches as the development platform's site administrator and opens the packs page from the course staff pages.</summary>
    public static async Task<PackAdmin> OpenAsync(ToolInstance tool, string link = "link-cc-1", string user = User)
    {
        var session = await LearnerSession.LaunchAsync(tool, link, user);
        var admin = new PackAdmin(session);
        await session.OpenAsync("/teach/packs");
        return admin;
    }

    public Task<WebPage> ListAsync() => Session.OpenAsync("/teach/packs");

    /// <summary>Posts the zip as the upload form does (multipart), without following the answer.</summary>
    public async Task<WebPage> UploadAsync(ToolInstance tool, byte[] zip, string fileName = "pack.zip", string? formToken = null)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(Session.Token), "lti_session" },
            { new StringContent(formToken ?? Session.FormToken), "form_token" },
        };
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/zip");
        content.Add(file, "pack", fileName);
        var request = new HttpRequestMessage(HttpMethod.Post, tool.Url("/teach/packs/upload")) { Content = content };
        return await Session.Browser.SendAsync(request);
    }

    /// <summary>Uploads and follows the 303 back to the list, which must say the pack is installed.</summary>
    public async Task<WebPage> InstallAsync(ToolInstance tool, byte[] zip)
    {
        var answer = await UploadAsync(tool, zip);
        Assert.True(answer.Status == HttpStatusCode.SeeOther, answer.ToString());
        return await Session.Browser.FollowAsync(answer);
    }

    /// <summary>One of the list's buttons (disable, enable, remove, restore) for a pack.</summary>
    public Task<WebPage> ActAsync(string action, string packId, bool confirm = false) =>
        Session.PostAsync($"/teach/packs/{action}", confirm ? [new("id", packId), new("confirm", "yes")] : [new("id", packId)]);
}

/// <summary>Content pack zips: an institution's handover pack in versions, and hostile ones.</summary>
internal static class PackZips
{
    public const string PackId = "handover-pack";
    public const string ModuleId = "inst-handover";

    public static string Manifest(string id = PackId, string version = "1.0.0") =>
        $"id: {id}\ntitle: Handover pack\naudience: students\nversion: {version}\nlanguages: [en]\nlicence: All rights reserved\nauthors: [Teaching office]\n";

    /// <summary>The handover module; version 2 has another title and makes option b the right one.</summary>
    public static string Module(int version) => version == 1
        ? InstitutionPacks.HandoverModule
        : InstitutionPacks.HandoverModule
            .Replace("title: Safe handover at shift change", "title: Safe handover, revised")
            .Replace("    text: Illness severity\n    correct: true", "    text: Illness severity")
            .Replace("    text: The to-do list\n", "    text: The to-do list\n    correct: true\n");

    public static byte[] Handover(int version, string packId = PackId) =>
        Zip(("pack.yaml", Manifest(packId, $"{version}.0.0")), ("01-handover.md", Module(version)));

    public static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        }
        return buffer.ToArray();
    }
}
