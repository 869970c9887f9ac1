namespace LtiCurriculum.DevPlatform; internal static class Placeholder {}
