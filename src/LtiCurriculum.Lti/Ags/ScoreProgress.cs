namespace LtiCurriculum.Lti.Ags;

/// <summary>AGS 2.0 §3.4.6; written as the member name.</summary>
public enum ActivityProgress { Initialized, Started, InProgress, Submitted, Completed }

/// <summary>AGS 2.0 §3.4.7; written as the member name. Canvas and Moodle clear the grade unless FullyGraded (Canvas: or PendingManual).</summary>
public enum GradingProgress { FullyGraded, Pending, PendingManual, Failed, NotReady }
