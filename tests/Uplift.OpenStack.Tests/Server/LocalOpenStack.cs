using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Uplift.Tests.OpenStack;

/// <summary>
/// A real HTTP server on 127.0.0.1 (ports 28900–28999, this test project's range) that answers as the test
/// scripts it, route by route, and records every request. Not a mock of HttpClient: requests cross a socket.
/// </summary>
public sealed class LocalOpenStack : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentDictionary<string, Func<RecordedRequest, Reply>> _routes = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Task _serving;

    private LocalOpenStack(HttpListener listener, Uri baseUrl)
    {
        _listener = listener;
        BaseUrl = baseUrl;
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>The server's root, e.g. http://127.0.0.1:28907 (no trailing slash).</summary>
    public Uri BaseUrl { get; }

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static LocalOpenStack Start()
    {
        for (var attempt = 0; attempt < TestPorts.Count; attempt++)
        {
            var port = TestPorts.Next();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new LocalOpenStack(listener, new Uri($"http://127.0.0.1:{port}"));
            }
            catch (HttpListenerException)
            {
                listener.Close();
            }
        }
        throw new InvalidOperationException("no free port in 127.0.0.1:28900-28999");
    }

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> (query ignored) with <paramref name="reply"/>.</summary>
    public void On(string method, string path, Func<RecordedRequest, Reply> reply) => _routes[$"{method} {path}"] = reply;

    public IReadOnlyList<RecordedRequest> RequestsTo(string method, string path) =>
        Requests.Where(r => r.Method == method && r.Path == path).ToList();

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _serving.ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            await AnswerAsync(context).ConfigureAwait(false);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var headers = context.Request.Headers.AllKeys.OfType<string>()
            .ToDictionary(k => k.ToLowerInvariant(), k => context.Request.Headers[k] ?? "");
        var request = new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath,
            context.Request.Url.Query, headers, await reader.ReadToEndAsync().ConfigureAwait(false));
        _requests.Enqueue(request);
        var reply = _routes.TryGetValue($"{request.Method} {request.Path}", out var route)
            ? route(request)
            : Reply.Json("""{"itemNotFound": {"code": 404, "message": "no such route on the test server"}}""", 404);
        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }
        context.Response.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(reply.Body);
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        context.Response.Close();
    }
}
