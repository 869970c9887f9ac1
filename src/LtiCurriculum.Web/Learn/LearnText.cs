namespace LtiCurriculum.Web.Learn;

/// <summary>
/// The learner pages' own words in English, Spanish and Simplified Chinese, picked from the launch locale.
/// One property per phrase, so a missing translation is a compile error, not an English word on a Spanish page.
/// </summary>
public sealed record LearnText
{
    public required string Lang { get; init; }
    public required string SkipToContent { get; init; }
    public required string Minutes { get; init; }               // {0} = number
    public required string Objectives { get; init; }
    public required string Progress { get; init; }              // {0} answered of {1}
    public required string Contents { get; init; }
    public required string Question { get; init; }              // {0} = number
    public required string Points { get; init; }                // {0} = points
    public required string NotScored { get; init; }
    public required string SaveAnswer { get; init; }
    public required string SaveAndCheck { get; init; }
    public required string Saved { get; init; }
    public required string Saving { get; init; }
    public required string SaveFailed { get; init; }
    public required string Correct { get; init; }
    public required string PartlyCorrect { get; init; }
    public required string Incorrect { get; init; }
    public required string Recorded { get; init; }
    public required string Complete { get; init; }
    public required string TooShort { get; init; }              // {0} = minimum length
    public required string AwaitingInstructor { get; init; }
    public required string GradedByInstructor { get; init; }
    public required string Unanswered { get; init; }
    public required string Why { get; init; }
    public required string YourAnswer { get; init; }
    public required string CharacterLimits { get; init; }       // {0} min, {1} max
    public required string References { get; init; }
    public required string ReviewAndSubmit { get; init; }
    public required string ReviewHeading { get; init; }
    public required string AllAnswered { get; init; }
    public required string SomeUnanswered { get; init; }        // {0} = count
    public required string SubmitNow { get; init; }
    public required string SubmitWarning { get; init; }
    public required string BackToModule { get; init; }
    public required string ResultHeading { get; init; }         // {0} = attempt number
    public required string ModuleVersionLine { get; init; }     // {0} = module version (content hash)
    public required string Score { get; init; }                 // {0} given {1} max
    public required string WaitingForInstructor { get; init; }
    public required string AttemptOf { get; init; }             // {0} of {1}
    public required string StartNewAttempt { get; init; }
    public required string NoAttemptsLeft { get; init; }
    public required string ReadOnlyNotice { get; init; }
    public required string StaffNotice { get; init; }
    public required string ChangeModule { get; init; }
    public required string ReturnToCourse { get; init; }
    public required string GradesLink { get; init; }
    public required string NotGradedNotice { get; init; }
    public required string GradeSent { get; init; }
    public required string GradeWaiting { get; init; }
    public required string GradeHeld { get; init; }
    public required string GradeTrouble { get; init; }
    public required string NotSetUpHeading { get; init; }
    public required string NotSetUpBody { get; init; }
    public required string ContentInEnglish { get; init; }
    public required string ModuleKindPrework { get; init; }
    public required string ModuleKindModule { get; init; }
    public required string FeedbackAfterSubmit { get; init; }
    public required string AttemptsHeading { get; init; }
    public required string PointsOne { get; init; }
    public required string SomeUnansweredOne { get; init; }
    public required string ChosenCorrect { get; init; }
    public required string ChosenWrong { get; init; }
    public required string MissedCorrect { get; init; }
    public required string AttemptColumn { get; init; }
    public required string ScoreColumn { get; init; }
    public required string DueAt { get; init; }                 // {0} = date and time
    public required string AttemptsLeft { get; init; }          // {0} = count
    public required string NotOpenHeading { get; init; }
    public required string OpensAt { get; init; }               // {0} = date and time
    public required string SubmittedLate { get; init; }
    public required string PastDue { get; init; }
    public required string FeedbackAfterDue { get; init; }
    public required string ClassSessionAt { get; init; }        // {0} = date and time
    public required string InstructorComment { get; init; }
    public required string AlsoAvailableIn { get; init; }       // followed by one button per language, each in its own name

    public static readonly LearnText English = new()
    {
        Lang = "en",
        SkipToContent = "Skip to content",
        Minutes = "About {0} minutes",
        Objectives = "What you will be able to do",
        Progress = "{0} of {1} questions answered",
        Contents = "Sections",
        Question = "Question {0}",
        Points = "{0} points",
        NotScored = "Not scored",
        SaveAnswer = "Save answer",
        SaveAndCheck = "Save and check",
        Saved = "Saved",
        Saving = "Saving…",
        SaveFailed = "Not saved. Check your connection and press the save button.",
        Correct = "Correct",
        PartlyCorrect = "Partly correct",
        Incorrect = "Not quite",
        Recorded = "Recorded, thank you",
        Complete = "Complete",
        TooShort = "Too short to count: write at least {0} characters",
        AwaitingInstructor = "Waiting for your instructor to grade it",
        GradedByInstructor = "Graded by your instructor",
        Unanswered = "Not answered",
        Why = "Why",
        YourAnswer = "Your answer",
        CharacterLimits = "Between {0} and {1} characters.",
        References = "References",
        ReviewAndSubmit = "Review and submit",
        ReviewHeading = "Review before you submit",
        AllAnswered = "You have answered every question.",
        SomeUnanswered = "{0} questions are not answered yet:",
        SubmitNow = "Submit this attempt",
        SubmitWarning = "After you submit, this attempt's answers cannot be changed.",
        BackToModule = "Back to the module",
        ResultHeading = "Result of attempt {0}",
        ModuleVersionLine = "Module version {0}",
        Score = "You scored {0} of {1} points.",
        WaitingForInstructor = "Some answers are waiting for your instructor to grade them; your score may go up.",
        AttemptOf = "Attempt {0} of {1}",
        StartNewAttempt = "Start a new attempt",
        NoAttemptsLeft = "You have used every attempt for this module.",
        ReadOnlyNotice = "You opened this activity without signing in. You can read it, but answers are not saved.",
        StaffNotice = "You are viewing this as course staff. Your answers are saved like a student's so you can try the module, but they are not sent to the gradebook.",
        ChangeModule = "Settings for this activity",
        ReturnToCourse = "Return to the course",
        GradesLink = "Grades and gradebook delivery for this activity",
        NotGradedNotice = "Preview — not graded. The course says this account is not a gradable student (for example a test student), so scores are not sent to the gradebook.",
        GradeSent = "Your score has been sent to the course gradebook.",
        GradeWaiting = "Your score is saved and will appear in the course gradebook shortly.",
        GradeHeld = "Your score goes to the course gradebook once your instructor has graded your reflections.",
        GradeTrouble = "Your score is saved, but the course gradebook has not accepted it yet. Your instructor can see this and send it again.",
        NotSetUpHeading = "This activity is not set up yet",
        NotSetUpBody = "Your instructor has not chosen the module for this activity. Please try again later or tell your instructor.",
        ContentInEnglish = "This module is not translated into your language yet, so it is shown in English.",
        ModuleKindPrework = "Pre-work",
        ModuleKindModule = "Module",
        FeedbackAfterSubmit = "Feedback on your answers appears after you submit.",
        AttemptsHeading = "Your attempts",
        PointsOne = "1 point",
        SomeUnansweredOne = "1 question is not answered yet:",
        ChosenCorrect = "Your answer, correct",
        ChosenWrong = "Your answer, not correct",
        MissedCorrect = "Correct answer, not chosen",
        AttemptColumn = "Attempt",
        ScoreColumn = "Score",
        DueAt = "Due {0}",
        AttemptsLeft = "{0} attempts left",
        NotOpenHeading = "This activity is not open yet",
        OpensAt = "It opens {0}. Please come back then.",
        SubmittedLate = "Submitted after the due date.",
        PastDue = "The due date has passed; what you submit now is marked late.",
        FeedbackAfterDue = "Feedback on your answers appears after the due date.",
        ClassSessionAt = "Class session: {0}",
        InstructorComment = "Your instructor's comment",
        AlsoAvailableIn = "This module is also available in:",
    };

    public static readonly LearnText Spanish = new()
    {
        Lang = "es",
        SkipToContent = "Ir al contenido",
        Minutes = "Unos {0} minutos",
        Objectives = "Lo que podrá hacer",
        Progress = "{0} de {1} preguntas respondidas",
        Contents = "Secciones",
        Question = "Pregunta {0}",
        Points = "{0} puntos",
        NotScored = "Sin puntuación",
        SaveAnswer = "Guardar respuesta",
        SaveAndCheck = "Guardar y comprobar",
        Saved = "Guardado",
        Saving = "Guardando…",
        SaveFailed = "No se guardó. Revise su conexión y pulse el botón de guardar.",
        Correct = "Correcto",
        PartlyCorrect = "Parcialmente correcto",
        Incorrect = "No del todo",
        Recorded = "Registrado, gracias",
        Complete = "Completo",
        TooShort = "Demasiado breve para contar: escriba al menos {0} caracteres",
        AwaitingInstructor = "Pendiente de la calificación de su docente",
        GradedByInstructor = "Calificado por su docente",
        Unanswered = "Sin responder",
        Why = "Por qué",
        YourAnswer = "Su respuesta",
        CharacterLimits = "Entre {0} y {1} caracteres.",
        References = "Referencias",
        ReviewAndSubmit = "Revisar y enviar",
        ReviewHeading = "Revise antes de enviar",
        AllAnswered = "Ha respondido todas las preguntas.",
        SomeUnanswered = "Faltan {0} preguntas por responder:",
        SubmitNow = "Enviar este intento",
        SubmitWarning = "Después de enviar, las respuestas de este intento no se pueden cambiar.",
        BackToModule = "Volver al módulo",
        ResultHeading = "Resultado del intento {0}",
        ModuleVersionLine = "Versión del módulo {0}",
        Score = "Obtuvo {0} de {1} puntos.",
        WaitingForInstructor = "Algunas respuestas esperan la calificación de su docente; su puntuación puede aumentar.",
        AttemptOf = "Intento {0} de {1}",
        StartNewAttempt = "Empezar un nuevo intento",
        NoAttemptsLeft = "Ha usado todos los intentos de este módulo.",
        ReadOnlyNotice = "Abrió esta actividad sin iniciar sesión. Puede leerla, pero las respuestas no se guardan.",
        StaffNotice = "Está viendo esto como personal docente. Sus respuestas se guardan como las de un estudiante para que pueda probar el módulo, pero no se envían al libro de calificaciones.",
        ChangeModule = "Configuración de esta actividad",
        ReturnToCourse = "Volver al curso",
        GradesLink = "Calificaciones y envío al libro de calificaciones de esta actividad",
        NotGradedNotice = "Vista previa: sin calificar. El curso indica que esta cuenta no es un estudiante calificable (por ejemplo, un estudiante de prueba), así que las puntuaciones no se envían al libro de calificaciones.",
        GradeSent = "Su puntuación se ha enviado al libro de calificaciones del curso.",
        GradeWaiting = "Su puntuación está guardada y aparecerá pronto en el libro de calificaciones del curso.",
        GradeHeld = "Su puntuación se enviará al libro de calificaciones cuando su docente califique sus reflexiones.",
        GradeTrouble = "Su puntuación está guardada, pero el libro de calificaciones aún no la ha aceptado. Su docente puede verlo y volver a enviarla.",
        NotSetUpHeading = "Esta actividad aún no está configurada",
        NotSetUpBody = "Su docente todavía no ha elegido el módulo de esta actividad. Inténtelo más tarde o avise a su docente.",
        ContentInEnglish = "Este módulo aún no está traducido a su idioma, por eso se muestra en inglés.",
        ModuleKindPrework = "Trabajo previo",
        ModuleKindModule = "Módulo",
        FeedbackAfterSubmit = "La retroalimentación sobre sus respuestas aparece después de enviar.",
        AttemptsHeading = "Sus intentos",
        PointsOne = "1 punto",
        SomeUnansweredOne = "Falta 1 pregunta por responder:",
        ChosenCorrect = "Su respuesta, correcta",
        ChosenWrong = "Su respuesta, incorrecta",
        MissedCorrect = "Respuesta correcta, no elegida",
        AttemptColumn = "Intento",
        ScoreColumn = "Puntuación",
        DueAt = "Fecha límite: {0}",
        AttemptsLeft = "Quedan {0} intentos",
        NotOpenHeading = "Esta actividad todavía no está abierta",
        OpensAt = "Se abre el {0}. Vuelva entonces.",
        SubmittedLate = "Enviado después de la fecha límite.",
        PastDue = "La fecha límite ya pasó; lo que envíe ahora se marcará como tardío.",
        FeedbackAfterDue = "La retroalimentación sobre sus respuestas aparece después de la fecha límite.",
        ClassSessionAt = "Sesión de clase: {0}",
        InstructorComment = "Comentario de su docente",
        AlsoAvailableIn = "Este módulo también está disponible en:",
    };

    public static readonly LearnText Chinese = new()
    {
        Lang = "zh-Hans",
        SkipToContent = "跳到正文",
        Minutes = "约 {0} 分钟",
        Objectives = "学习目标",
        Progress = "已回答 {0} / {1} 题",
        Contents = "章节",
        Question = "第 {0} 题",
        Points = "{0} 分",
        NotScored = "不计分",
        SaveAnswer = "保存答案",
        SaveAndCheck = "保存并查看反馈",
        Saved = "已保存",
        Saving = "正在保存…",
        SaveFailed = "未能保存。请检查网络连接后再按保存按钮。",
        Correct = "正确",
        PartlyCorrect = "部分正确",
        Incorrect = "不完全正确",
        Recorded = "已记录，谢谢",
        Complete = "已完成",
        TooShort = "内容过短，不计分：请至少写 {0} 个字符",
        AwaitingInstructor = "等待教师评分",
        GradedByInstructor = "已由教师评分",
        Unanswered = "未作答",
        Why = "解析",
        YourAnswer = "你的答案",
        CharacterLimits = "字数在 {0} 到 {1} 个字符之间。",
        References = "参考文献",
        ReviewAndSubmit = "检查并提交",
        ReviewHeading = "提交前请检查",
        AllAnswered = "你已回答所有题目。",
        SomeUnanswered = "还有 {0} 道题未作答：",
        SubmitNow = "提交本次作答",
        SubmitWarning = "提交后，本次作答的答案将无法更改。",
        BackToModule = "返回模块",
        ResultHeading = "第 {0} 次作答的结果",
        ModuleVersionLine = "模块版本 {0}",
        Score = "你的得分为 {0} / {1} 分。",
        WaitingForInstructor = "部分答案正在等待教师评分，你的得分可能会提高。",
        AttemptOf = "第 {0} 次作答，共 {1} 次",
        StartNewAttempt = "开始新的作答",
        NoAttemptsLeft = "你已用完本模块的所有作答次数。",
        ReadOnlyNotice = "你未登录就打开了此活动。你可以阅读内容，但答案不会被保存。",
        StaffNotice = "你正以课程教师身份查看。你的答案会像学生一样被保存，便于试用本模块，但不会发送到成绩册。",
        ChangeModule = "此活动的设置",
        ReturnToCourse = "返回课程",
        GradesLink = "本活动的成绩及成绩册发送情况",
        NotGradedNotice = "预览——不计分。课程显示此账号不是可评分的学生（例如测试学生），因此分数不会发送到成绩册。",
        GradeSent = "你的分数已发送到课程成绩册。",
        GradeWaiting = "你的分数已保存，很快会出现在课程成绩册中。",
        GradeHeld = "教师为你的反思评分后，你的分数将发送到课程成绩册。",
        GradeTrouble = "你的分数已保存，但课程成绩册尚未接受。教师可以看到此情况并重新发送。",
        NotSetUpHeading = "此活动尚未设置",
        NotSetUpBody = "你的教师尚未为此活动选择模块。请稍后再试，或告知你的教师。",
        ContentInEnglish = "本模块尚未翻译成你的语言，因此以英文显示。",
        ModuleKindPrework = "课前预习",
        ModuleKindModule = "模块",
        FeedbackAfterSubmit = "提交后将显示对你答案的反馈。",
        AttemptsHeading = "你的作答记录",
        PointsOne = "1 分",
        SomeUnansweredOne = "还有 1 道题未作答：",
        ChosenCorrect = "你的答案，正确",
        ChosenWrong = "你的答案，不正确",
        MissedCorrect = "正确答案，未选择",
        AttemptColumn = "作答",
        ScoreColumn = "得分",
        DueAt = "截止时间：{0}",
        AttemptsLeft = "剩余 {0} 次尝试",
        NotOpenHeading = "此活动尚未开放",
        OpensAt = "开放时间为 {0}，请届时再来。",
        SubmittedLate = "在截止时间之后提交。",
        PastDue = "截止时间已过；现在提交将被标记为迟交。",
        FeedbackAfterDue = "截止时间过后将显示对你答案的反馈。",
        ClassSessionAt = "课堂时间：{0}",
        InstructorComment = "教师评语",
        AlsoAvailableIn = "本模块还有以下语言版本：",
    };

    /// <summary>The launch locale's language ("es-419" → Spanish, "zh-CN"/"zh-Hans" → Chinese), else English.</summary>
    public static LearnText For(string? locale) => LtiCurriculum.Curriculum.Model.LocalizedModule.LanguageOf(locale) switch
    {
        "es" => Spanish,
        "zh-Hans" => Chinese,
        _ => English,
    };

    public string PointsText(decimal points) => points == 1m ? PointsOne : Format(Points, Pages.Show.Points(points));

    public string UnansweredText(int count) => count == 1 ? SomeUnansweredOne : Format(SomeUnanswered, count);

    public string Format(string template, params object[] values) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, template, values);
}
