using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LtiCurriculum.Web.Tests;

/// <summary>The tool's own keys: published as a JWKS, stored encrypted, stable across restarts.</summary>
public sealed class ToolKeyTests(ToolFixture fixture) : IClassFixture<ToolFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ToolInstance Tool => fixture.Tool;

    internal static async Task<JsonElement[]> ReadKeysAsync(ToolInstance tool)
    {
        using var browser = tool.NewBrowser();
        var page = await browser.GetAsync(tool.Url("/.well-known/jwks.json"));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("application/json", page.Header("Content-Type"), StringComparison.Ordinal);
        using var document = JsonDocument.Parse(page.Html);
        return [.. document.RootElement.GetProperty("keys").EnumerateArray().Select(k => k.Clone())];
    }

    [Fact]
    public async Task Jwks_publishes_the_current_and_the_next_public_rs256_signing_keys()
    {
        var keys = await ReadKeysAsync(Tool);
        Assert.Equal(2, keys.Length);
        Assert.NotEqual(keys[0].GetProperty("kid").GetString(), keys[1].GetProperty("kid").GetString());
        foreach (var key in keys)
        {
            AssertPublicSigningKey(key);
        }
    }

    private static void AssertPublicSigningKey(JsonElement key)
    {

        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.False(string.IsNullOrEmpty(key.GetProperty("kid").GetString()));
        Assert.Equal("RS256", key.GetProperty("alg").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.True(key.GetProperty("n").GetString()!.Length >= 340, "A 2048-bit modulus is 342 base64url characters.");
        Assert.Equal("AQAB", key.GetProperty("e").GetString());
        foreach (var privateMember in new[] { "d", "p", "q", "dp", "dq", "qi", "oth", "k" })
        {
            Assert.False(key.TryGetProperty(privateMember, out _), $"The JWKS must not publish '{privateMember}'.");
        }
    }

    [Fact]
    public async Task Private_key_is_stored_encrypted_with_the_data_protection_key_ring_in_the_database()
    {
        var (rows, dataProtectionKeys) = await Tool.QueryAsync(async db =>
            (await db.ToolKeys.AsNoTracking().ToListAsync(Ct), await db.DataProtectionKeys.CountAsync(Ct)));

        Assert.Equal(2, rows.Count);
        Assert.Single(rows, r => r.IsCurrent);
        Assert.Single(rows, r => r.IsNext);
        var row = rows.Single(r => r.IsCurrent);
        Assert.True(dataProtectionKeys > 0, "The Data Protection key ring should be kept in the database.");
        Assert.False(ImportsAsPkcs8(row.ProtectedPrivateKey), "The stored private key must not be a plain PKCS#8 key.");
        Assert.DoesNotContain("PRIVATE KEY", row.ProtectedPrivateKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_data_protection_keys_encrypt_with_aes_256_gcm()
    {
        var keys = await Tool.QueryAsync(async db => await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync(Ct));

        Assert.NotEmpty(keys);
        Assert.All(keys, xml => Assert.Contains("<encryption algorithm=\"AES_256_GCM\"", xml, StringComparison.Ordinal));
    }

    [Fact]
    public void Tokens_under_a_key_made_before_gcm_still_read_and_new_keys_use_gcm()
    {
        using var folder = new TempFolder();
        var ring = new DirectoryInfo(folder.Path);
        var before = DataProtectionProvider.Create(ring, b => b.SetApplicationName("LtiCurriculum")).CreateProtector("purpose");
        var token = before.Protect("a session from yesterday"u8.ToArray());
        var cbcKey = Assert.Single(ring.GetFiles("key-*.xml"));
        Assert.Contains("AES_256_CBC", File.ReadAllText(cbcKey.FullName), StringComparison.Ordinal);

        var services = new ServiceCollection();
        DataProtectionServiceCollectionExtensions.AddDataProtection(services).SetApplicationName("LtiCurriculum").PersistKeysToFileSystem(ring)
            .UseCryptographicAlgorithms(LtiCurriculum.Web.Data.DatabaseServiceCollectionExtensions.KeyAlgorithms);
        using var provider = services.BuildServiceProvider();
        var after = provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("purpose");
        Assert.Equal("a session from yesterday", System.Text.Encoding.UTF8.GetString(after.Unprotect(token)));

        provider.GetRequiredService<Microsoft.AspNetCore.DataProtection.KeyManagement.IKeyManager>()
            .CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));
        var newKey = Assert.Single(ring.GetFiles("key-*.xml"), f => f.FullName != cbcKey.FullName);
        Assert.Contains("AES_256_GCM", File.ReadAllText(newKey.FullName), StringComparison.Ordinal);
    }

    private static bool ImportsAsPkcs8(string stored)
    {
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(stored), out _);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            return false;
        }
    }
}

/// <summary>Two starts on one database file.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task Restart_on_the_same_database_keeps_the_same_key_ids()
    {
        // 1A-38: a stable key at a stable URL
        using var folder = new TempFolder();
        string[] firstKids;
        await using (var first = await ToolInstance.StartAsync(new ToolSettings { DatabaseFile = folder.DatabaseFile }))
        {
            firstKids = [.. (await ToolKeyTests.ReadKeysAsync(first)).Select(k => k.GetProperty("kid").GetString()!)];
        }

        await using var second = await ToolInstance.StartAsync(new ToolSettings { DatabaseFile = folder.DatabaseFile });
        string[] secondKids = [.. (await ToolKeyTests.ReadKeysAsync(second)).Select(k => k.GetProperty("kid").GetString()!)];

        // The same current key (listed first) and the same next key.
        Assert.Equal(2, firstKids.Length);
        Assert.Equal(firstKids, secondKids);
    }
}
