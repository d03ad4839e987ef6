namespace Uplift.Catalog;

/// <summary>An API a service serves behind HAProxy.</summary>
/// <param name="Name">Replaces {service} in the inventory's backend pattern (e.g. "nova" → "novabe").</param>
/// <param name="Port">Port the API listens on on each controller; "wait until the backend answers" polls it.</param>
/// <param name="Unit">systemd unit serving it.</param>
public sealed record ApiBackend(string Name, int Port, string Unit);
