/** Types of scripts/notices.mjs, for vite.config.ts. */
export interface BundledPackage {
  name: string;
  version: string;
  license: string;
}
export function packageOf(id: string): string | null;
export function bundledPackages(moduleIds: readonly string[]): BundledPackage[];
export function noticeBanner(packages: readonly BundledPackage[]): string;
export function writeNotices(dir: string, skip?: readonly string[]): BundledPackage[];
