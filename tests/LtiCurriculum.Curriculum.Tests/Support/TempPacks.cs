using System.Text;
using LtiCurriculum.Curriculum.Loading;

namespace LtiCurriculum.Curriculum.Tests.Support;

/// <summary>A temporary folder of packs, deleted on dispose. Each pack is a sub-folder built from strings.</summary>
internal sealed class TempPacks : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public TempPacks()
    {
        Root = Path.Combine(Path.GetTempPath(), "lti-packs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>A pack folder named <paramref name="name"/>, created empty (no pack.yaml yet).</summary>
    public PackFolder Pack(string name)
    {
        var folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        return new PackFolder(folder);
    }

    public ContentCatalogue LoadCatalogue() => ContentCatalogue.Load([new PackSource(Root, IsBuiltIn: false)]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test for.
        }
    }

    internal sealed class PackFolder(string folder)
    {
        public string Folder { get; } = folder;

        /// <summary>Writes pack.yaml with the given id and languages (a YAML flow list such as "[en, es]").</summary>
        public PackFolder Manifest(string id, string languages = "[en]") => File("pack.yaml", Samples.Manifest(id, languages));

        /// <summary>Writes a file as UTF-8 without a byte order mark.</summary>
        public PackFolder File(string name, string text)
        {
            System.IO.File.WriteAllText(Path.Combine(Folder, name), text, Utf8);
            return this;
        }

        public PackFolder Bytes(string name, byte[] bytes)
        {
            System.IO.File.WriteAllBytes(Path.Combine(Folder, name), bytes);
            return this;
        }

        public PackLoadResult Load() => PackLoader.Load(Folder, isBuiltIn: false);
    }
}
