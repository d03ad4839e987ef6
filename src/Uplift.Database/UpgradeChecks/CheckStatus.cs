namespace Uplift.Database;

/// <summary>
/// Result of one upgrade check, with oslo.upgradecheck's codes (openstack/oslo.upgradecheck
/// oslo_upgradecheck/upgradecheck.py, class Code): the command exits with the worst code of its checks.
/// </summary>
public enum CheckStatus
{
    Success = 0,
    Warning = 1,
    Failure = 2,
}
