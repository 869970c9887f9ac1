using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace LtiCurriculum.DevPlatform.Tests;

/// <summary>A real Kestrel server on a free loopback port hosting only the development platform.</summary>
internal sealed class DevPlatformHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private DevPlatformHost(WebApplication app, FakeTimeProvider clock, RecordingRegistrar? registrar)
    {
        this.app = app;
        Clock = clock;
        Registrar = registrar;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        BaseAddress = new Uri(address);
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };
    }

    public Uri BaseAddress { get; }

    /// <summary>The origin without a trailing slash, as the platform writes it into URLs.</summary>
    public string Origin => BaseAddress.GetLeftPart(UriPartial.Authority);

    public string Issuer => Origin + "/dev-platform";

    public string RedirectUri => Origin + "/lti/launch";

    public HttpClient Client { get; }

    public FakeTimeProvider Clock { get; }

    public RecordingRegistrar? Registrar { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>
    /// Starts the platform; <paramref name="mapTool"/> maps stand-ins for the tool's endpoints on the same origin, and
    /// <paramref name="hostServices"/> adds what a host would supply (e.g. its watched packs).
    /// </summary>
    public static async Task<DevPlatformHost> StartAsync(
        IDictionary<string, string?>? settings = null, bool withRegistrar = true, Action<WebApplication>? mapTool = null, Action<IServiceCollection>? hostServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["DevPlatform:Enabled"] = "true" });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        builder.Services.AddSingleton<TimeProvider>(clock);
        var registrar = withRegistrar ? new RecordingRegistrar() : null;
        if (registrar is not null)
        {
            builder.Services.AddSingleton<IDevPlatformRegistrar>(registrar);
        }

        hostServices?.Invoke(builder.Services);
        builder.Services.AddDevPlatform(builder.Configuration.GetSection(DevPlatformOptions.SectionName));
        var app = builder.Build();
        app.MapDevPlatform();
        mapTool?.Invoke(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new DevPlatformHost(app, clock, registrar);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }
}
