using System.IO.Compression;
using System.Text;

namespace LtiCurriculum.Curriculum.Tests.Support;

/// <summary>Zips built in memory for upload tests, including the doctored kind a hostile upload would send.</summary>
internal static class Zips
{
    private const uint LocalHeader = 0x04034b50;
    private const uint CentralHeader = 0x02014b50;

    /// <summary>A zip of the given entries, in order; a name ending in '/' is a folder entry.</summary>
    public static byte[] Of(params (string Name, string Text)[] entries) =>
        Of(entries.Select(e => (e.Name, Encoding.UTF8.GetBytes(e.Text))).ToArray());

    public static byte[] Of(params (string Name, byte[] Bytes)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                if (!name.EndsWith('/'))
                {
                    using var stream = entry.Open();
                    stream.Write(bytes);
                }
            }
        }
        return buffer.ToArray();
    }

    /// <summary>A minimal valid pack with one module, as (name, text) pairs under <paramref name="folder"/> ("" for the root).</summary>
    public static (string Name, string Text)[] Pack(string id, string folder = "") =>
        [(folder + "pack.yaml", Samples.Manifest(id)), (folder + "01-a.md", Samples.Module(id + "-a"))];

    /// <summary>Rewrites the uncompressed size of every entry, in both the local and the central headers (APPNOTE.TXT §4.3.7, §4.3.12).</summary>
    public static byte[] WithClaimedSize(byte[] zip, uint size) =>
        Patch(zip, (copy, central, at) => BitConverter.GetBytes(size).CopyTo(copy, at + (central ? 24 : 22)));

    /// <summary>Sets the "encrypted" bit of every entry's general purpose flags, in both headers.</summary>
    public static byte[] WithEncryptedFlag(byte[] zip) => Patch(zip, (copy, central, at) => copy[at + (central ? 8 : 6)] |= 1);

    // Scans for header signatures; the test zips hold plain text, so compressed data does not happen to contain one.
    private static byte[] Patch(byte[] zip, Action<byte[], bool, int> patch)
    {
        var copy = (byte[])zip.Clone();
        for (var at = 0; at + 4 <= copy.Length; at++)
        {
            var signature = BitConverter.ToUInt32(copy, at);
            if (signature is LocalHeader or CentralHeader)
            {
                patch(copy, signature == CentralHeader, at);
            }
        }
        return copy;
    }
}
