// xml2js ships with office-addin-manifest but without type declarations; the manifest test needs one function.
declare module 'xml2js' {
  export function parseStringPromise(
    xml: string,
    options?: { explicitArray?: boolean; strict?: boolean },
  ): Promise<unknown>;
}
