using System.Net;
using System.Text.Json.Nodes;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using LtiCurriculum.Web.Hosting;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LtiCurriculum.Web.Tests;

/// <summary>/health/live says the process answers; /health/ready also checks the database and, in Production, that the key ring is encrypted.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Live_and_ready_answer_200_when_the_database_is_there()
    {
        await using var tool = await ToolInstance.StartAsync();
        using var browser = tool.NewBrowser();

        var live = await browser.GetAsync(tool.Url("/health/live"));
        var ready = await browser.GetAsync(tool.Url("/health/ready"));

        Assert.Equal(HttpStatusCode.OK, live.Status);
        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.Equal("Healthy", Status(ready));
        Assert.Equal(["database", "key-ring", "grade-backlog"], Checks(ready).Select(c => (string)c["name"]!));
        Assert.All(Checks(ready), c => Assert.Equal("Healthy", (string?)c["status"]));
    }

    [Fact]
    public async Task Ready_reports_a_missing_database_while_live_stays_up()
    {
        await using var tool = await ToolInstance.StartAsync();
        using var browser = tool.NewBrowser();
        // A folder where the file was: the background workers polling the database cannot quietly create a new,
        // empty file in its place (which made this test pass or fail by timing).
        File.Delete(tool.DatabaseFile);
        Directory.CreateDirectory(tool.DatabaseFile);

        var live = await browser.GetAsync(tool.Url("/health/live"));
        var ready = await browser.GetAsync(tool.Url("/health/ready"));

        Assert.Equal(HttpStatusCode.OK, live.Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
        Assert.Equal("Unhealthy", Status(ready));
        Assert.Equal("Unhealthy", (string?)Checks(ready).Single(c => (string?)c["name"] == "database")["status"]);
    }

    [Fact]
    public async Task Ready_is_degraded_in_production_while_the_key_ring_is_unencrypted()
    {
        await using var tool = await ToolInstance.StartAsync(new ToolSettings { Environment = "Production", DevPlatform = false });
        using var browser = tool.NewBrowser();

        var ready = await browser.GetAsync(tool.Url("/health/ready"));

        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.Equal("Degraded", Status(ready));
        var keyRing = Checks(ready).Single(c => (string?)c["name"] == "key-ring");
        Assert.Equal("Degraded", (string?)keyRing["status"]);
        Assert.Contains("DataProtection:CertificatePath", (string?)keyRing["description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_is_healthy_in_production_with_a_key_ring_certificate()
    {
        using var folder = new TempFolder();
        var pfx = Path.Combine(folder.Path, "dataprotection.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=LtiCurriculum Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "test-password"), TestContext.Current.CancellationToken);
        }
        await using var tool = await ToolInstance.StartAsync(new ToolSettings
        {
            Environment = "Production",
            DevPlatform = false,
            Configuration = new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = pfx, ["DataProtection:CertificatePassword"] = "test-password" },
        });
        using var browser = tool.NewBrowser();

        var ready = await browser.GetAsync(tool.Url("/health/ready"));

        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.Equal("Healthy", Status(ready));
    }

    [Theory]
    [InlineData("Production", null, true)]
    [InlineData("Production", "/etc/lticurriculum/dp.pfx", false)]
    [InlineData("Development", null, false)]
    public void Every_start_warns_in_production_without_a_key_ring_certificate(string environment, string? certificate, bool warns)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = certificate }).Build();
        var logger = new ListLogger();
        var protection = new KeyRingProtection(configuration, new HostEnvironment(environment), logger);

        protection.WarnAtStart();
        protection.WarnAtStart();

        Assert.Equal(warns ? 2 : 0, logger.Warnings.Count);
        Assert.All(logger.Warnings, w => Assert.Contains("DataProtection:CertificatePath", w, StringComparison.Ordinal));
    }

    private static string? Status(WebPage page) => (string?)JsonNode.Parse(page.Html)!["status"];

    private static IReadOnlyList<JsonNode> Checks(WebPage page) => [.. JsonNode.Parse(page.Html)!["checks"]!.AsArray().Select(c => c!)];

    private sealed class HostEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "LtiCurriculum.Web";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }

    private sealed class ListLogger : ILogger<KeyRingProtection>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Warnings.Add(formatter(state, exception));
            }
        }
    }
}
