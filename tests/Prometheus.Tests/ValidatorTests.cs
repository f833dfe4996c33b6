using Prometheus.Tests.Validation;

namespace Prometheus.Tests;

/// <summary>The strict validator must reject what it claims to reject, or the format tests prove nothing.</summary>
public sealed class ValidatorTests
{
    private const string Valid = """
        # HELP jobs_total Jobs.
        # TYPE jobs_total counter
        jobs_total{queue="a"} 3
        # HELP wait Wait.
        # TYPE wait histogram
        wait_bucket{le="1"} 1
        wait_bucket{le="+Inf"} 2
        wait_sum 3.5
        wait_count 2

        """;

    [Fact]
    public void A_valid_exposition_passes() => Assert.Equal(2, ExpositionRules.Validate(Valid).Families.Count);

    [Theory]
    [InlineData("# TYPE jobs_total counter\njobs_total 1\n", "without a HELP")]
    [InlineData("# HELP g G.\n# TYPE g gauge\ng 1\n# HELP orphan O.\n", "HELP without TYPE")]
    [InlineData("jobs_total 1\n", "before any HELP/TYPE")]
    [InlineData("# HELP jobs_total J.\n# TYPE jobs_total counter\nother 1\n", "does not belong")]
    [InlineData("# HELP jobs_total J.\n# TYPE jobs_total counter\njobs_total 1\njobs_total 2\n", "duplicate series")]
    [InlineData("# HELP jobs_total J.\n# TYPE jobs_total counter\njobs_total{a=\"1\",a=\"2\"} 1\n", "appears twice")]
    [InlineData("# HELP jobs_total J.\n# TYPE jobs_total counter\njobs_total -1\n", "negative")]
    [InlineData("# HELP jobs J.\n# TYPE jobs counter\njobs 1\n", "_total")]
    [InlineData("# HELP 1jobs_total J.\n# TYPE 1jobs_total counter\n1jobs_total 1\n", "invalid metric name")]
    [InlineData("# HELP jobs_total J.\n# TYPE jobs_total counter\njobs_total{a-b=\"x\"} 1\n", "invalid label name")]
    [InlineData("# HELP jobs_total J.\n# TYPE jobs_total counter\njobs_total{a=\"x\\t\"} 1\n", "invalid escape")]
    [InlineData("# HELP jobs_total J.\n# TYPE jobs_total counter\njobs_total{a=\"x\",} 1\n", "trailing comma")]
    [InlineData("# HELP jobs_total J.\n# TYPE jobs_total counter\njobs_total{a=x} 1\n", "not quoted")]
    [InlineData("# HELP jobs_total J.\n# TYPE jobs_total counter\njobs_total one\n", "invalid sample value")]
    [InlineData("# HELP jobs_total J.\n# TYPE jobs_total counter\njobs_total 1", "not terminated")]
    [InlineData("# HELP g G.\n# TYPE g gauge\ng 1\n# HELP g G.\n# TYPE g gauge\ng{a=\"1\"} 1\n", "second HELP")]
    [InlineData("# HELP w W.\n# TYPE w histogram\nw_bucket{le=\"1\"} 2\nw_bucket{le=\"+Inf\"} 1\nw_sum 1\nw_count 1\n", "cumulative")]
    [InlineData("# HELP w W.\n# TYPE w histogram\nw_bucket{le=\"2\"} 1\nw_bucket{le=\"1\"} 1\nw_bucket{le=\"+Inf\"} 1\nw_sum 1\nw_count 1\n", "ascending")]
    [InlineData("# HELP w W.\n# TYPE w histogram\nw_bucket{le=\"1\"} 1\nw_sum 1\nw_count 1\n", "+Inf")]
    [InlineData("# HELP w W.\n# TYPE w histogram\nw_bucket{le=\"+Inf\"} 2\nw_sum 1\nw_count 3\n", "differs")]
    [InlineData("# HELP w W.\n# TYPE w histogram\nw_bucket{le=\"+Inf\"} 2\nw_count 2\n", "no _sum")]
    public void Violations_are_rejected(string exposition, string reason)
    {
        var failure = Assert.Throws<FormatException>(() => ExpositionRules.Validate(exposition));
        Assert.Contains(reason, failure.Message);
    }

    [Fact]
    public async Task The_python_parser_reports_a_sample_outside_its_family_as_unknown()
    {
        var families = await PythonPrometheusParser.ParseAsync("# HELP a A.\n# TYPE a gauge\na 1\nb 2\n");

        Assert.Equal(["a:gauge", "b:unknown"], families.Select(f => $"{f.Name}:{f.Type}"));
    }
}
