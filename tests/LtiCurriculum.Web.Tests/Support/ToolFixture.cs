namespace LtiCurriculum.Web.Tests.Support;

/// <summary>One running tool with the development platform, shared by the tests of a class (they run one after another).</summary>
public sealed class ToolFixture : IAsyncLifetime
{
    private ToolInstance? _tool;

    internal ToolInstance Tool => _tool ?? throw new InvalidOperationException("The tool has not started.");

    public async ValueTask InitializeAsync() => _tool = await ToolInstance.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_tool is not null)
        {
            await _tool.DisposeAsync();
        }
    }
}
