export declare const unmatchedRoute: "(unmatched)";
export interface RoutesManifest {
  staticRoutes?: { page: string; regex: string }[];
  dynamicRoutes?: { page: string; regex: string }[];
}
export declare function routeMatcher(manifest: RoutesManifest | null): (pathname: string) => string;
export declare function loadRouteMatcher(distDir: string): (pathname: string) => string;
export declare function pathOf(url: string | undefined): string;
