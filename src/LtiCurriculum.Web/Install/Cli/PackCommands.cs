using System.CommandLine;
using LtiCurriculum.Curriculum.Authoring;
using LtiCurriculum.Curriculum.Loading;

namespace LtiCurriculum.Web.Install.Cli;

/// <summary>
/// <c>packs list</c>: what the app serves and what it refused, with every problem.
/// <c>packs validate FOLDER</c>: checks a pack (or a folder of packs) before it is deployed; needs no database.
/// <c>packs new NAME</c>: makes a pack folder to start from, which passes <c>packs validate</c> as made.
/// <c>packs watch FOLDER</c>: see <see cref="PackWatchCommand"/>.
/// </summary>
public static class PackCommands
{
    public static Command Create(CliOptions o, CliContext cli)
    {
        var list = new Command("list", "Show every pack (built in, folder, uploaded) with its state and module versions, and every refused pack's problems (exit 1 when one is refused).");
        list.SetAction(_ => List(cli.Services.GetRequiredService<Packs.PackLibrary>(), cli.Output));
        var validate = new Command("validate", "Check a pack, or a folder of packs, before deploying it; needs no database or settings.") { o.Folder };
        validate.SetAction(parse => Validate(parse.GetValue(o.Folder), cli.Output, cli.Errors));
        var create = new Command("new", "Make a folder NAME with pack.yaml and one example module (a question of each type) that passes 'packs validate'; edit it from there.") { o.PackName, o.OutputFolder };
        create.SetAction(parse => New(parse.GetValue(o.PackName), parse.GetValue(o.OutputFolder), cli.Output, cli.Errors));
        return new Command("packs", "Content packs: built-in and the institution's.") { list, validate, create, PackWatchCommand.Create(o, cli) };
    }

    /// <summary>Every pack the library knows: served ones with their modules and versions, then withheld and refused ones.</summary>
    public static int List(Packs.PackLibrary library, TextWriter output)
    {
        foreach (var entry in library.Entries.Where(e => e.Pack is not null))
        {
            var pack = entry.Pack!;
            var state = entry.IsRemoved ? "removed" : entry.IsDisabled ? "disabled" : entry.IsServed ? "served" : "refused";
            var origin = entry.Origin switch { Packs.PackOrigin.BuiltIn => "built-in", Packs.PackOrigin.Folder => "institution folder", _ => "uploaded" };
            output.WriteLine($"{pack.Id}\t{pack.Title}\tversion {pack.Version}\t{pack.Modules.Count} modules\tlanguages {string.Join(",", pack.Languages)}\t({origin}, {state})");
            foreach (var module in pack.Modules)
            {
                output.WriteLine($"\t{module.Id}\t{module.English.Kind.ToString().ToLowerInvariant()}\t{module.English.Questions.Count} questions\tversion {module.Version}\t{module.English.Title}");
            }
        }
        return ReportRefused(library.Catalogue.Refused, output) ? 1 : 0;
    }

    public static int Validate(string? folder, TextWriter output, TextWriter errors)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            errors.WriteLine("Say which folder to check: packs validate FOLDER (a pack folder with pack.yaml, or a folder of pack folders).");
            return 2;
        }
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
        {
            errors.WriteLine($"'{folder}' is not a folder.");
            return 2;
        }
        var catalogue = ContentCatalogue.Load([new PackSource(full, IsBuiltIn: false)]);
        var builtIn = ContentCatalogue.Load([new PackSource(ContentCatalogue.BuiltInFolder, IsBuiltIn: true)]);
        foreach (var pack in catalogue.Packs)
        {
            output.WriteLine($"OK\t{pack.Id}\t{pack.Modules.Count} modules, {pack.Modules.Sum(m => m.English.Questions.Count)} questions");
            // Served next to the built-in packs, a clashing id would get the pack refused at start.
            if (builtIn.Packs.Any(b => b.Id == pack.Id) || pack.Modules.Any(m => builtIn.FindModule(m.Id) is not null))
            {
                output.WriteLine($"WARNING\t{pack.Id}: its pack id or a module id is also used by a built-in pack; as an institution pack it would be refused.");
            }
        }
        ReportRefused(catalogue.Refused, errors);
        return catalogue.Refused.Count == 0 && catalogue.Packs.Count > 0 ? 0 : 1;
    }

    public static int New(string? name, string? output, TextWriter written, TextWriter errors)
    {
        if (PackScaffold.ProblemWithName(name) is { } problem)
        {
            errors.WriteLine(problem);
            return ExitCodes.Usage;
        }
        var builtIn = ContentCatalogue.Load([new PackSource(ContentCatalogue.BuiltInFolder, IsBuiltIn: true)]);
        if (builtIn.Packs.Any(p => p.Id == name) || builtIn.FindModule(PackScaffold.ModuleId(name!)) is not null)
        {
            errors.WriteLine($"'{name}' is already used by a built-in pack, and an institution pack that reuses it would be refused; choose another name.");
            return ExitCodes.Usage;
        }
        var parent = Path.GetFullPath(string.IsNullOrEmpty(output) ? "." : output);
        if (!Directory.Exists(parent))
        {
            errors.WriteLine($"The --output folder '{output}' does not exist; create it first, or leave --output out to use the current folder.");
            return ExitCodes.Usage;
        }
        var folder = Path.Combine(parent, name!);
        if (Directory.Exists(folder) || File.Exists(folder))
        {
            errors.WriteLine($"'{folder}' already exists; choose another name or --output folder. Nothing was written.");
            return ExitCodes.Usage;
        }
        try
        {
            PackScaffold.Write(parent, name!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"The pack could not be written in '{parent}' ({ex.Message}). Nothing was written.");
            return ExitCodes.Refused;
        }
        written.WriteLine($"Created {folder}: {string.Join(", ", PackScaffold.Files)}.");
        written.WriteLine($"Edit them (see FORMAT.md), then check the pack with: packs validate {folder}");
        return ExitCodes.Done;
    }

    private static bool ReportRefused(IReadOnlyList<PackLoadResult> refused, TextWriter writer)
    {
        foreach (var result in refused)
        {
            writer.WriteLine($"REFUSED\t{result.Folder}");
            foreach (var problem in result.Problems)
            {
                writer.WriteLine($"\t{problem}");
            }
        }
        return refused.Count > 0;
    }
}
