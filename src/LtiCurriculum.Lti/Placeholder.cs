namespace LtiCurriculum.Lti; internal static class Placeholder {}
