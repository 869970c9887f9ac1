using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace LtiCurriculum.Lti.Tests.Harness;

public enum JwksOutage
{
    ServerError,
    Timeout,
    ConnectionRefused,
    Garbage,
    NotFound,
}

/// <summary>
/// The platform's JWKS endpoint. Counts calls, can be switched to fail, and can hold every response until
/// released so that concurrent callers truly overlap.
/// </summary>
internal sealed class FakeJwksHandler : HttpMessageHandler
{
    private int _calls;
    private Func<HttpResponseMessage> _respond = () => new HttpResponseMessage(HttpStatusCode.NotFound);
    private volatile TaskCompletionSource? _hold;
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Calls => Volatile.Read(ref _calls);

    public ConcurrentQueue<HttpRequestMessage> Requests { get; } = new();

    /// <summary>Completes when the first request arrives.</summary>
    public Task Entered => _entered.Task;

    public void ServeKeys(params TestKey[] keys) => ServeJson(Jwks.Of(keys));

    public void ServeJson(string json) => Serve(() => new StringContent(json, Encoding.UTF8, "application/json"));

    public void Serve(Func<HttpContent> content) => _respond = () => new HttpResponseMessage(HttpStatusCode.OK) { Content = content() };

    public void Fail(JwksOutage outage) => _respond = outage switch
    {
        JwksOutage.ServerError => () => new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StringContent("oops") },
        JwksOutage.NotFound => () => new HttpResponseMessage(HttpStatusCode.NotFound),
        // What HttpClient throws when its Timeout elapses.
        JwksOutage.Timeout => () => throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 10 seconds elapsing.", new TimeoutException()),
        JwksOutage.ConnectionRefused => () => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (platform.example:443)"),
        JwksOutage.Garbage => () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html><body>Maintenance</body></html>", Encoding.UTF8, "text/html") },
        _ => throw new ArgumentOutOfRangeException(nameof(outage)),
    };

    /// <summary>From now on every request waits until the returned source is completed.</summary>
    public TaskCompletionSource HoldResponses()
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _hold = hold;
        return hold;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        Requests.Enqueue(request);
        _entered.TrySetResult();
        if (_hold is { } hold)
        {
            await hold.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        return _respond();
    }
}

internal sealed class FakeHttpClientFactory(HttpMessageHandler handler) : IHttpClientFactory
{
    public HttpClient CreateClient(string name) =>
        name == Keys.PlatformKeySetCache.HttpClientName
            ? new HttpClient(handler, disposeHandler: false)
            : throw new InvalidOperationException($"Unexpected HTTP client '{name}'.");
}

/// <summary>A body whose length is not known in advance (chunked transfer), so only reading it reveals its size.</summary>
internal sealed class UnknownLengthContent(byte[] body) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body).AsTask();

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new NonSeekableStream(body));

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    private sealed class NonSeekableStream(byte[] body) : MemoryStream(body, writable: false)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
    }
}
