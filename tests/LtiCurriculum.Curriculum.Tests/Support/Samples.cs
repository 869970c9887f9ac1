namespace LtiCurriculum.Curriculum.Tests.Support;

/// <summary>Small valid pack files to start from; tests change one thing and look for the problem.</summary>
internal static class Samples
{
    public static string Manifest(string id, string languages = "[en]") => $"""
        id: {id}
        title: Test pack {id}
        audience: faculty
        version: 1.0.0
        languages: {languages}
        licence: CC-BY-4.0
        authors:
          - Test Author, MD
        """;

    /// <summary>A valid module with one single-choice question (id <paramref name="questionId"/>) citing one reference.</summary>
    public static string Module(string id, string questionId = "q1", string title = "A module") => $$"""
        ---
        id: {{id}}
        title: {{title}}
        kind: module
        minutes: 10
        objectives:
          - Learn one thing
        references:
          - id: smith2020
            citation: "Smith J. A paper. 2020."
            url: https://example.org/smith
        ---

        ## First section

        Text citing [@smith2020].

        ```question
        id: {{questionId}}
        type: single
        points: 1
        prompt: Pick a.
        options:
          - id: a
            text: Option A
            correct: true
          - id: b
            text: Option B
        ```
        """;

    /// <summary>A module whose body is <paramref name="body"/>; front matter is lines 1-12, the body starts on line 13.</summary>
    public static string ModuleWithBody(string id, string body) => $"""
        ---
        id: {id}
        title: A module
        kind: module
        minutes: 10
        objectives:
          - Learn one thing
        references:
          - id: smith2020
            citation: "Smith J. A paper. 2020."
            url: https://example.org/smith
        ---
        {body}
        """;
}
