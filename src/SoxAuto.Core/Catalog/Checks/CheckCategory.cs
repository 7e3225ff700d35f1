namespace SoxAuto.Core.Catalog.Checks;

/// <summary>What a check gives evidence of, in the terms of PCAOB AS 1105 ¶.10: completeness or accuracy of the IPE.</summary>
public enum CheckCategory
{
    Completeness,
    Accuracy,
}
