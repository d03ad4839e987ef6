namespace Uplift.Lab;

/// <summary>The lab could not be built, checked or removed; the message says what, where and what to do.</summary>
public sealed class LabException(string message) : Exception(message);
