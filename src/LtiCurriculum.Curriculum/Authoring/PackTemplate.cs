namespace LtiCurriculum.Curriculum.Authoring;

/// <summary>
/// The files of a new pack (Packs/FORMAT.md): pack.yaml and one example module with a question of each type, written
/// to be read and replaced. <c>{id}</c>, <c>{title}</c> and <c>{module}</c> are filled in by <see cref="PackScaffold"/>.
/// </summary>
internal static class PackTemplate
{
    public const string ManifestFile = "pack.yaml";
    public const string ModuleFile = "01-first-module.md";

    public const string Manifest = """
        # A content pack: this file, then one Markdown file per module, in file-name order (see FORMAT.md).
        id: "{id}"                          # unique across packs; the folder's name
        title: "{title}"
        audience: students                  # faculty | students | residents | mixed
        version: 0.1.0
        # Add a language (es, zh-Hans) here once every module has a translation NAME.LANG.md next to it.
        languages: [en]
        licence: All rights reserved        # or an open licence such as CC-BY-4.0
        authors:
          - Your name, your role
        """;

    public const string Module = """
        ---
        # Module ids are unique across ALL packs and never change once an LMS link names one (custom parameter module=).
        id: {module}
        title: Your first module
        kind: prework                       # module | prework
        minutes: 15                         # an honest estimate, 1-240
        feedback: immediate                 # immediate | after-submit
        attempts: 2
        objectives:
          - Say what a learner can do after this module, one verb per objective.
          - Keep to two to five objectives.
        references:
          - id: example2020
            citation: "Author A, Author B. Title of the article. Journal. 2020;1(1):1-10."
            url: https://doi.org/10.0000/replace-me
        ---

        ## What this module is about

        Each `##` heading starts a section; the progress bar counts them. Write the body in Markdown and cite a
        reference by its id [@example2020]. Links must be https, http or mailto; raw HTML and images are not allowed.

        Leave a blank line after a list:

        - a first point,
        - a second point.

        The questions below show each type once. Question ids are unique within the pack; never change one after
        learners have answered it.

        ```question
        id: {id}-q1
        type: single
        points: 1
        prompt: |
          A single-choice question: exactly one option is correct.
        options:
          - id: a
            text: The correct option
            correct: true
            feedback: Why this is right.
          - id: b
            text: A tempting wrong option
            feedback: Why this is wrong, teaching the point.
        rationale: The explanation shown after answering.
        ```

        ## Checking understanding

        ```question
        id: {id}-q2
        type: multiple
        points: 2
        partial_credit: true
        prompt: |
          A multiple-choice question: choose every option that applies.
        options:
          - id: a
            text: A correct option
            correct: true
          - id: b
            text: Another correct option
            correct: true
          - id: c
            text: A wrong option
            feedback: Why this one does not apply.
        rationale: With partial credit, each right choice earns a share and each wrong one takes a share away.
        ```

        ```question
        id: {id}-q3
        type: reflection
        points: 1
        grading: completion                 # completion | instructor
        min_length: 50
        max_length: 2000
        prompt: |
          A reflection: the learner writes a few sentences. With completion grading an answer of the right length
          earns full points; with instructor grading the score waits for the instructor.
        rationale: Shown after answering, for example what a strong answer would mention.
        ```

        ```question
        id: {id}-q4
        type: rating
        prompt: |
          A rating: never scored, reported on the class readiness dashboard.
        scale:
          - Not at all confident
          - Somewhat confident
          - Confident
          - Very confident
        ```
        """;
}
