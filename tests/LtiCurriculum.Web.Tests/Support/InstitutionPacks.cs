namespace LtiCurriculum.Web.Tests.Support;

/// <summary>An institution pack folder for Curriculum:PackFolder: one module (a structured handover, one single-choice question).</summary>
internal static class InstitutionPacks
{
    public const string HandoverModule = """
        ---
        id: inst-handover
        title: Safe handover at shift change
        kind: prework
        minutes: 10
        objectives:
          - Name the parts of a structured handover.
        references:
          - id: starmer2014
            citation: "Starmer AJ, et al. Changes in medical errors after implementation of a handoff program. N Engl J Med. 2014;371:1803-12."
        ---

        ## Why handover matters

        Structured handover lowers preventable adverse events [@starmer2014].

        ```question
        id: inst-h-q1
        type: single
        points: 1
        prompt: Which part comes first in a structured handover?
        options:
          - id: a
            text: Illness severity
            correct: true
            feedback: Severity first tells the receiver how closely to watch.
          - id: b
            text: The to-do list
            feedback: Tasks come after the receiver knows who is sick.
        ```
        """;

    public static string Write(string root, string folder, string packId, string moduleText)
    {
        var path = Directory.CreateDirectory(Path.Combine(root, folder)).FullName;
        File.WriteAllText(Path.Combine(path, "pack.yaml"), $"id: {packId}\ntitle: Institution pack\naudience: students\nversion: 1.0.0\nlanguages: [en]\nlicence: All rights reserved\nauthors: [Teaching office]\n");
        var module = Path.Combine(path, "01-module.md");
        File.WriteAllText(module, moduleText);
        return module;
    }
}
