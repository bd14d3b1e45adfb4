namespace KubeLab.ControlPlane.Authentication;

/// <summary>
/// The key simulated clusters sign service account tokens with. kubeadm makes an RSA key (<c>sa.key</c>), so the
/// tokens are RS256, as here. A real cluster's key is its own secret; this one is built in, the same for every
/// simulated cluster, because an RS256 signature made with a fixed key is fixed too: a lesson's tokens (which its
/// controllers send) and so its transcript are the same on every run. It guards nothing but simulations.
/// </summary>
internal static class ServiceAccountSigningKey
{
    public const string Pem = """
        -----BEGIN PRIVATE KEY-----
        MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQCRdWBJE3RiMfMw
        K5rR59JJDluYH+jH87qz2MQR/bLFcrBzgRKx1wwqGdGDLGfXJFMeYeW48DfSrGXw
        iW/4iFGUKeh9W/VoNlqj2WNE8BbDOeg+6KAslda7FgAFsFRySn7Im5HEWpC3IhuK
        21/Ui0GCO0Y17fneebdXSB3FesiRJgG7irBCzsd1NOutzAykDrve+lfg9IljieNE
        zdm3zR9CWWhXIZSwT8nNrU7SCLnsP6xvWbmXKR/AF3DqLoH8g1itbzfA1BpTOBmf
        QMhBomokvEYkAPYf7IlJmmdsRIAwnbWR+dHHhcF6QYP8QjD5Ml0y4vHc6GhJ43qm
        OrVCnc+7AgMBAAECggEABftErVyecZdKP9XbNPyKejSb8aKGSQqtx82HKpI7MsFn
        nihVo3iLaIPNSM6fqoo03M/7yWIfeYtbWcvdDeRVLnmWtOj+K33otkovOduBpB+S
        fFvGkm7K+MCL2bAJmPWVRxyWnvN2dgFyDoC87RmY5QkY9wjFOK/aqT0u9Dr7WnSc
        yGhYVH35F+XlujDUz+0UqWEQaiKdcsj8LHGdm8ouVIsMHp2bK6gkHr4DQsf4Mf0m
        FVDaj7+jyb/37wIkt2pW32sxNJkN3wQbyhsRg2/Zbux+y1DQKDAFkijSlfNFkTbE
        sDdfu87+Kb4oXtTptdyy9yJ4BARHQJaPfJh5hqeyqQKBgQDDUyQj85qmwAWeH6gb
        JdpKyjZhMuxvhRf/77xmuzpx/dO3E6w/HNc9cDrgEowvPej/QcWifHY9K4rpO9pt
        tkqXl872pdr0dInOMfsoUoABUNxZFHxdWGaMjWpsRx/7iBPqokiHrLhHy7z7i7dn
        xHADQZu17fqIY04oZ03SUFUyDwKBgQC+pLUhXYS4Ip1uyyqXp6GHvX68JYb0BkzA
        JR4sRmaW+Ja6UdP3IVuAmOYJOPUuo5JrNdlBUWTxE6tumwm6Q9d01HTIxaWbRY7G
        tFaqDNUBHotQ6fBdykLaC9jmFCcg94nloVG7yo+76lTWPO9stNzewVyXvkQZw0O3
        lgkWUvaDlQKBgQDCOBPBo+LtWBa96mBvzi3HHFcCQ26SXVdF6I3/4L/2xRwV+PvX
        LchgkQ4Z7Jd0Ci16U14/eV7g6EESNa+2VALLxenHm5eiZ5b3bv98UrxxkoPoF9Sp
        xNMDg0KFNBv7Mo4LSx6vufDrgw0BWyYdiliPBFfeiSoLICOBTWc2byanxQKBgBIB
        oJIMMTLrIg+K5PT6Akm93jCLItn9llY3q0fnRl1QEXx7qheXcPsOdfu9A3tqO7Qg
        m+qNc4lJoFGMFzkem0UPpBAqit/FjBy8f8sD90JpziLQVcGmDvZlVBE3KhL1DnM/
        72ZbVYQcN/McQkj0NEBd5w72C5ybUtQOOcGACISZAoGBAJB/spVF2m0QECX+edzn
        /NPZIWFt0e4KXWEdyreVH56sqJoslGFBl5o7F8Ad2soT3sy3ob5UVThXtFjuakYH
        c71tgIElEiETUTWUq9aq+VdPmff7iWWClmgXOUuDTIfc0PBJeEBPybhkirlHA4Cw
        8/YBSeNChes03PW2HirbWN7s
        -----END PRIVATE KEY-----
        """;
}
