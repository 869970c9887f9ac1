using System.Globalization;

namespace LtiCurriculum.Web.Teach;

/// <summary>
/// The instructor pages' own words in English, Spanish and Simplified Chinese, picked from the launch locale like
/// <see cref="Learn.LearnText"/>. One property per phrase, so a missing translation is a compile error.
/// </summary>
public sealed partial record TeachText
{
    public required string Lang { get; init; }
    public required string SkipToContent { get; init; }
    public required string NavLabel { get; init; }
    public required string NavDashboard { get; init; }
    public required string NavSettings { get; init; }
    public required string NavGrades { get; init; }
    public required string NavStudentView { get; init; }
    public required string ReturnToCourse { get; init; }
    public required string ActivityLine { get; init; }              // {0} = link title
    public required string UntitledLink { get; init; }

    // Settings
    public required string SettingsHeading { get; init; }
    public required string ModuleLabel { get; init; }
    public required string ModuleHint { get; init; }
    public required string PointsLabel { get; init; }
    public required string PointsHint { get; init; }                // {0} = module points
    public required string AttemptsLabel { get; init; }
    public required string AttemptsHint { get; init; }              // {0} = module default
    public required string FeedbackLabel { get; init; }
    public required string FeedbackImmediate { get; init; }
    public required string FeedbackAfterSubmission { get; init; }
    public required string FeedbackAfterDue { get; init; }
    public required string AvailableFromLabel { get; init; }
    public required string DueAtLabel { get; init; }
    public required string SessionAtLabel { get; init; }
    public required string SessionAtHint { get; init; }
    public required string TimesInUtc { get; init; }                // {0} = now
    public required string TitleLabel { get; init; }
    public required string SaveSettings { get; init; }
    public required string SettingsSaved { get; init; }
    public required string SourceLms { get; init; }
    public required string SourceInstructor { get; init; }
    public required string SourceDefaults { get; init; }
    public required string LmsProblemsHeading { get; init; }
    public required string LineItemUpdated { get; init; }           // {0} = points
    public required string LineItemFailed { get; init; }            // {0} = platform's answer
    public required string LineItemLater { get; init; }
    public required string ErrorPoints { get; init; }
    public required string ErrorAttempts { get; init; }
    public required string ErrorFeedback { get; init; }
    public required string ErrorInstant { get; init; }
    public required string ErrorModule { get; init; }
    public required string ErrorModuleUnknown { get; init; }        // {0} = id
    public required string RefusedPacksHeading { get; init; }
    public required string RefusedPacksBody { get; init; }
    public required string ErrorDueBeforeOpen { get; init; }
    public required string ErrorTitle { get; init; }
    public required string FixErrors { get; init; }
    public required string ModuleFacts { get; init; }               // {0} kind {1} minutes {2} questions {3} points
    public required string KindModule { get; init; }
    public required string KindPrework { get; init; }

    // Deep linking
    public required string PickerHeading { get; init; }
    public required string PickerIntro { get; init; }               // {0} = course
    public required string PickerIntroNoCourse { get; init; }
    public required string SearchLabel { get; init; }
    public required string PackLabel { get; init; }
    public required string KindLabel { get; init; }
    public required string LengthLabel { get; init; }
    public required string LanguageLabel { get; init; }
    public required string AnyOption { get; init; }
    public required string LengthShort { get; init; }
    public required string LengthMedium { get; init; }
    public required string LengthLong { get; init; }
    public required string ShowModules { get; init; }
    public required string ModulesFound { get; init; }              // {0} = count
    public required string NoModulesFound { get; init; }
    public required string PreviewLink { get; init; }
    public required string ChooseModule { get; init; }              // {0} = title (accessible name)
    public required string OneAtATime { get; init; }
    public required string ContinueToSetup { get; init; }
    public required string CancelAndReturn { get; init; }
    public required string SetupHeading { get; init; }
    public required string SetupIntro { get; init; }
    public required string AddToCourse { get; init; }
    public required string BackToCatalogue { get; init; }
    public required string ChooseAtLeastOne { get; init; }
    public required string OnlyOneAccepted { get; init; }
    public required string ReturningHeading { get; init; }
    public required string ReturningBody { get; init; }
    public required string ContinueButton { get; init; }
    public required string CancelledMessage { get; init; }
    public required string AddedMessage { get; init; }              // {0} = count
    public required string PreviewHeading { get; init; }            // {0} = title
    public required string PreviewNote { get; init; }
    public required string LanguagesOf { get; init; }               // {0} = list
    public required string PlatformRefuses { get; init; }           // {0} = reason

    // Dashboard
    public required string DashboardHeading { get; init; }
    public required string NoModuleYet { get; init; }
    public required string Countdown { get; init; }                 // {0} session, {1} time left, {2} ready, {3} of
    public required string SessionPassed { get; init; }             // {0} session, {1} ready, {2} of
    public required string ReadyLine { get; init; }                 // {0} ready, {1} of
    public required string RosterFromLms { get; init; }             // {0} = count
    public required string RosterUnavailable { get; init; }
    public required string RosterFailed { get; init; }              // {0} = reason
    public required string RosterIncomplete { get; init; }
    public required string RefreshRoster { get; init; }
    public required string DownloadCsv { get; init; }
    public required string StudentsHeading { get; init; }
    public required string StudentColumn { get; init; }
    public required string StatusColumn { get; init; }
    public required string ScoreColumn { get; init; }
    public required string TimeColumn { get; init; }
    public required string AttemptsColumn { get; init; }
    public required string SubmittedColumn { get; init; }
    public required string EnrolmentColumn { get; init; }
    public required string StateNotStarted { get; init; }
    public required string StateInProgress { get; init; }
    public required string StateSubmitted { get; init; }
    public required string StateLate { get; init; }
    public required string Active { get; init; }
    public required string Inactive { get; init; }
    public required string NoStudents { get; init; }
    public required string ReadinessChartTitle { get; init; }
    public required string ReadinessChartDescription { get; init; } // {0} ready {1} of
    public required string QuestionsHeading { get; init; }
    public required string CorrectChartTitle { get; init; }
    public required string CorrectChartDescription { get; init; }
    public required string MostMissed { get; init; }
    public required string ShowAsTable { get; init; }
    public required string QuestionColumn { get; init; }
    public required string CorrectColumn { get; init; }
    public required string AnsweredColumn { get; init; }
    public required string MostChosenWrongColumn { get; init; }
    public required string CountColumn { get; init; }
    public required string ShareColumn { get; init; }
    public required string NoWrongChoice { get; init; }
    public required string QuestionNumber { get; init; }            // {0} = number
    public required string ReflectionsHeading { get; init; }
    public required string NoReflections { get; init; }
    public required string RatingsHeading { get; init; }
    public required string RatingMean { get; init; }                // {0} = mean, {1} = answers
    public required string NoAnswersYet { get; init; }
    public required string Minutes { get; init; }                   // {0} = minutes
    public required string Unnamed { get; init; }

    // Grades
    public required string GradesHeading { get; init; }
    public required string GradeCommentLabel { get; init; }
    public required string GradeCommentHint { get; init; }
    public required string SaveGrade { get; init; }
    public required string GradeCommentTooLong { get; init; }       // {0} = length, {1} = maximum
    public required string GradedMessage { get; init; }
    public required string RetryQueuedMessage { get; init; }
    public required string SupersededMessage { get; init; }
    public required string LearnersSubmitted { get; init; }         // {0} = count
    public required string LearnersSubmittedOne { get; init; }
    public required string InGradebookCount { get; init; }          // {0} = count
    public required string WaitingCount { get; init; }              // {0} = count
    public required string NeedAttentionCount { get; init; }        // {0} = count
    public required string NeedsAttentionOne { get; init; }
    public required string NoSubmissions { get; init; }
    public required string GradesCaption { get; init; }
    public required string LearnerColumn { get; init; }
    public required string AttemptColumn { get; init; }
    public required string ModuleVersionLine { get; init; }         // {0} = module version (content hash)
    public required string VersionsInUse { get; init; }             // {0} = list "abc123 (12 attempts)"; shown when attempts span versions
    public required string DeliveryColumn { get; init; }
    public required string GradebookHoldsColumn { get; init; }
    public required string ActionColumn { get; init; }
    public required string ReflectionsAwaiting { get; init; }
    public required string SendAgain { get; init; }
    public required string SendAgainLabel { get; init; }            // {0} = learner
    public required string CompareGradebook { get; init; }
    public required string ReflectionsToGrade { get; init; }
    public required string GradingFormHeading { get; init; }        // {0} = learner, {1} = attempt number
    public required string NotAnswered { get; init; }
    public required string GradePointsLabel { get; init; }          // {0} = maximum points
    public required string SavedComment { get; init; }
    public required string DeliveryNotSent { get; init; }
    public required string DeliveryDelivered { get; init; }         // {0} = date and time
    public required string DeliveryWaiting { get; init; }
    public required string DeliveryRetrying { get; init; }          // {0} failures, {1} next try, {2} last answer
    public required string DeliveryHeld { get; init; }
    public required string DeliveryNeedsAttention { get; init; }    // {0} = last answer
    public required string DeliveryNotGradable { get; init; }
    public required string DeliverySuperseded { get; init; }
    public required string NoGrade { get; init; }
    public required string DiffersFromSent { get; init; }           // {0} = what the gradebook holds
    public required string GradebookNoColumn { get; init; }
    public required string GradebookNoResultScope { get; init; }
    public required string GradebookUnreadable { get; init; }       // {0} = reason
    public required string PlatformSaid { get; init; }              // {0} = platform's answer
    public required string ErrorDeliveryMissing { get; init; }
    public required string ErrorDeliveryUnknown { get; init; }      // {0} = id
    public required string ErrorNotRetryable { get; init; }
    public required string ErrorAttemptMissing { get; init; }
    public required string ErrorPointsNotNumber { get; init; }      // {0} = text, {1} = question id
    public required string ErrorPointsMissing { get; init; }
    public required string ErrorAttemptUnknown { get; init; }       // {0} = id
    public required string ErrorAttemptOpen { get; init; }

    public string Format(string template, params object?[] values) => string.Format(CultureInfo.InvariantCulture, template, values);

    /// <summary>The launch locale's language ("es-419" → Spanish, "zh-CN"/"zh-Hans" → Chinese), else English.</summary>
    public static TeachText For(string? locale) => Curriculum.Model.LocalizedModule.LanguageOf(locale) switch
    {
        "es" => Spanish,
        "zh-Hans" => Chinese,
        _ => English,
    };
}
