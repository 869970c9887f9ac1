namespace LtiCurriculum.Curriculum.Tests.Security;

/// <summary>Markdown that tries to put script on a page, by every route we could think of.</summary>
internal static class HostileMarkdown
{
    public static readonly string[] Cases =
    [
        "<script>alert(1)</script>",
        "Text <SCRIPT SRC=//evil.example/x.js></SCRIPT> more",
        "<scr<script>ipt>alert(1)</script>",
        "<!-- x --><script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<div onclick=\"alert(1)\">x</div>",
        "Some <span onmouseover='alert(1)'>text</span>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<form action=\"javascript:alert(1)\"><button formaction=\"javascript:alert(1)\">x</button></form>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<details open ontoggle=alert(1)>x</details>",
        "| a |\n|---|\n| <script>alert(1)</script> |",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](  javascript:alert(1))",
        "[x](<javascript:alert(1)>)",
        "[x](javascript&#58;alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](&#x6A;&#x61;&#x76;&#x61;script:alert(1))",
        "[x](java%0ascript:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<javascript:alert(1)>",
        "<JAVASCRIPT:alert(1)>",
        "<vbscript:msgbox(1)>",
        "[x][evil]\n\n[evil]: javascript:alert(1)",
        "[evil]\n\n[evil]: <JavaScript:alert(1)> \"title\"",
        "[x][evil]\n\n[EVIL]: &#106;avascript:alert(1)",
        "![x](https://ok.example/a.png)",
        "![x](javascript:alert(1))",
        "*<script>alert(1)</script>*",
        "> <script>alert(1)</script>",
        "- item <img src=x onerror=alert(1)>",
    ];

    /// <summary>Looks alarming but is only text: it must load, and still reach the page as harmless text.</summary>
    public static readonly string[] HarmlessCases =
    [
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&#60;script&#62;alert(1)&#60;/script&#62;",
        "&amp;lt;script&amp;gt;",
        "`<script>alert(1)</script>` in code",
        "```html\n<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n```",
        "    <script>alert(1)</script>",
        "\\<script\\>alert(1)\\</script\\>",
        "The word javascript: in a sentence, and onload=1 too.",
        "[fine](https://ok.example/?q=<script>)",
        // Not HTML or links in CommonMark's eyes (no space after the tag name, spaces in a destination): escaped text.
        "<svg/onload=alert(1)>",
        "![x](https://ok.example/a.png\" onerror=\"alert(1))",
        // Real links whose title or anchor carry quotes: the quotes are escaped inside the attribute.
        "[x](https://ok.example \"t\\\" onmouseover=\\\"alert(1)\")",
        "[x](<#\" onmouseover=\"alert(1)>)",
    ];
}
