using Analysis.RunFolder;
using Xunit;

namespace Analysis.Tests;

/// <summary>How figures name providers: a fault model always says so, and on a category axis it wraps instead of running into its neighbours.</summary>
public sealed class ProviderLabelTests
{
    [Fact]
    public void A_fault_model_on_an_axis_is_its_server_its_model_and_the_words_fault_model_on_three_lines()
    {
        Assert.Equal("qemu-virtiofs\n+avf-model\n(fault model)", Providers.AxisLabel("qemu-virtiofs+avf-model"));
        Assert.Equal("qemu-virtiofs+avf-model (fault model)", Providers.Label("qemu-virtiofs+avf-model"));
    }

    [Theory]
    [InlineData("local")]
    [InlineData("qemu-9p")]
    [InlineData("libkrun")]
    public void A_provider_is_named_as_it_is(string provider)
    {
        Assert.Equal(provider, Providers.AxisLabel(provider));
        Assert.Equal(provider, Providers.Label(provider));
    }
}
