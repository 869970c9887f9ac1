using LtiCurriculum.Curriculum.Model;
using LtiCurriculum.Curriculum.Tests.Support;

namespace LtiCurriculum.Curriculum.Tests.Format;

/// <summary>A valid pack that uses every feature of the format once: two modules (written out of order), four question types, a translation.</summary>
internal static class ExamplePack
{
    public const string Intro = """
        ---
        id: ex-intro
        title: Introducing the flipped classroom
        kind: module
        minutes: 20
        feedback: after-submit
        attempts: 3
        objectives:
          - Explain why pre-work matters
          - Plan a session
        references:
          - id: hew2018
            citation: "Hew KF, Lo CK. Flipped classroom improves student learning. BMC Med Educ. 2018;18:38."
            url: https://doi.org/10.1186/s12909-018-1144-z
          - id: chen.2017
            citation: "Chen F, et al. Revisiting the effectiveness of flipped classrooms. 2017."
        ---

        Text before any heading.

        ## Why pre-work fails

        Pre-work is often skipped [@hew2018]; see also [@chen.2017] and [our guide](https://example.org/guide)
        or [the next part](#section-2).

        ```question
        id: ex-q-single
        type: single
        points: 2
        prompt: |
          Which is **best**?
        options:
          - id: a
            text: The *first* option
            correct: true
            feedback: Right, because [@hew2018].
          - id: b
            text: The second option
            feedback: Not quite.
        rationale: Because pre-work is short.
        ```

        ## Checking understanding

        ```question
        id: ex-q-multiple
        type: multiple
        points: 3
        partial_credit: true
        prompt: Select all that apply.
        options:
          - id: a
            text: One
            correct: true
          - id: b
            text: Two
            correct: true
          - id: c
            text: Three
        ```

        ```question
        id: ex-q-reflect
        type: reflection
        points: 5
        grading: instructor
        min_length: 50
        max_length: 2000
        prompt: Describe your own session.
        rationale: Good reflections name a specific session.
        ```

        Some closing text.

        ```question
        id: ex-q-rating
        type: rating
        prompt: How confident are you?
        scale: [Not at all, Somewhat, Very]
        ```
        """;

    public const string IntroSpanish = """
        ---
        id: ex-intro
        title: Presentación del aula invertida
        kind: module
        minutes: 20
        feedback: after-submit
        attempts: 3
        objectives:
          - Explicar por qué importa el trabajo previo
        references:
          - id: hew2018
            citation: "Hew KF, Lo CK. 2018."
          - id: chen.2017
            citation: "Chen F, et al. 2017."
        ---

        ## Por qué falla el trabajo previo

        A menudo se omite [@hew2018].

        ```question
        id: ex-q-single
        type: single
        points: 2
        prompt: ¿Cuál es la **mejor**?
        options:
          - id: a
            text: La primera
            correct: true
          - id: b
            text: La segunda
        ```

        ```question
        id: ex-q-multiple
        type: multiple
        points: 3
        partial_credit: true
        prompt: Seleccione todas las correctas.
        options:
          - id: a
            text: Uno
            correct: true
          - id: b
            text: Dos
            correct: true
          - id: c
            text: Tres
        ```

        ```question
        id: ex-q-reflect
        type: reflection
        points: 5
        grading: instructor
        min_length: 50
        max_length: 2000
        prompt: Describa su propia sesión.
        ```

        ```question
        id: ex-q-rating
        type: rating
        prompt: ¿Qué tan seguro se siente?
        scale: [Nada, Algo, Mucho]
        ```
        """;

    public const string Prework = """
        ---
        id: ex-prework
        title: Before the ward round
        kind: prework
        minutes: 5
        objectives:
          - Recall the basics
        ---

        ## Only section

        ```question
        id: ex-q-pre
        type: reflection
        points: 1
        grading: completion
        prompt: What do you already know?
        ```
        """;

    /// <summary>Writes the pack (second module first, so order must come from file names) and loads it.</summary>
    public static ContentPack Load(TempPacks packs)
    {
        var folder = packs.Pack("example")
            .File("pack.yaml", Samples.Manifest("example", "[en, es]"))
            .File("02-prework.md", Prework)
            .File("01-intro.es.md", IntroSpanish)
            .File("01-intro.md", Intro);
        return PackAssert.Loaded(folder.Load());
    }
}
